import { Text, TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { useOffice } from '../settings/office-context';

/**
 * A text box for an amount in the office currency. It keeps what was typed as text; callers
 * turn it into minor units with `parseMoney` (exact, no floats), so "19.99" never becomes 1998.
 */
export function MoneyInput(props: Omit<TextInputProps, 'rightSection' | 'inputMode'>) {
  const { currency } = useOffice();
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      rightSectionWidth={56}
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden>
          {currency.code}
        </Text>
      }
      {...props}
    />
  );
}
