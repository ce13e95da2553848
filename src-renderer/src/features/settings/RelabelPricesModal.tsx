import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { z } from 'zod';
import { formatMoney, type Currency } from '@domain/money';
import { isApiError } from '../../api/api-error';

const RelabelDetails = z.object({
  plans: z.array(z.object({ id: z.number(), name: z.string(), price: z.number() })),
});
export type RelabelledPlan = z.infer<typeof RelabelDetails>['plans'][number];

/**
 * The plans named by the server's refusal to change the currency without confirmation (their
 * prices would be relabelled, not converted), or null for any other error.
 */
export const relabelledPlansOf = (error: unknown): RelabelledPlan[] | null => {
  if (!isApiError(error) || error.code !== 'conflict') return null;
  const parsed = RelabelDetails.safeParse(error.details);
  return parsed.success ? parsed.data.plans : null;
};

/**
 * Asks before a currency change relabels plan prices: each plan keeps its number ("USD 25.00"
 * becomes "KES 25.00"); nothing is converted. Lists every plan affected.
 */
export function RelabelPricesModal({
  plans,
  from,
  to,
  saving,
  onConfirm,
  onCancel,
}: {
  plans: RelabelledPlan[] | null;
  from: Currency;
  to: Currency;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={plans !== null} onClose={onCancel} title="Relabel plan prices?" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {`Changing the currency from ${from.code} to ${to.code} does not convert prices: each plan keeps its number in the new currency. Check these prices afterwards and change any that are wrong.`}
        </Text>
        <List size="sm" aria-label="Plans relabelled" spacing={2}>
          {(plans ?? []).map((p) => (
            <List.Item key={p.id}>
              {`${p.name}: ${formatMoney(p.price, from)} → ${formatMoney(p.price, to)}`}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Keep {from.code}
          </Button>
          <Button color="orange" onClick={onConfirm} loading={saving}>
            {`Relabel and use ${to.code}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
