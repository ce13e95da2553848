import { Group, Radio } from '@mantine/core';
import type { PaymentMethod } from '@contract/schemas/billing';
import { METHOD_OPTIONS } from './billing-labels';

export function MethodRadios({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  error?: string;
}) {
  return (
    <Radio.Group
      label={label}
      value={value}
      error={error}
      onChange={(v) => {
        const picked = METHOD_OPTIONS.find((o) => o.value === v);
        if (picked) onChange(picked.value);
      }}
    >
      <Group gap="md" mt={6}>
        {METHOD_OPTIONS.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}
