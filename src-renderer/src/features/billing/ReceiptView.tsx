import { Badge, Divider, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Receipt } from '@contract/schemas/billing';
import type { OfficeProfile } from '@contract/schemas/settings';
import { formatOfficeDateTime } from '../settings/office-time';
import { METHOD_LABELS } from './billing-labels';
import { formatMoney } from '@domain/money';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="40%" fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The head of the receipt: the office's name, address, phone and registration number. */
function Issuer({ profile }: { profile: OfficeProfile }) {
  return (
    <Stack gap={0} mb={4} data-testid="receipt-issuer">
      {profile.businessName && (
        <Text fw={700} size="lg">
          {profile.businessName}
        </Text>
      )}
      {profile.address && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {profile.address}
        </Text>
      )}
      {profile.phone && <Text size="sm">{`Tel. ${profile.phone}`}</Text>}
      {profile.registrationNumber && (
        <Text size="sm">{`Tax/registration no. ${profile.registrationNumber}`}</Text>
      )}
    </Stack>
  );
}

/**
 * A receipt as printed: its own currency (as issued) and the office time zone. A voided payment
 * still prints, marked VOID, so that the paper trail matches the ledger.
 */
export function ReceiptView({
  receipt,
  timeZone,
  issuer,
}: {
  receipt: Receipt;
  timeZone: string;
  /** The office profile: who issued the receipt (name, address, phone, number, footer). */
  issuer?: OfficeProfile | undefined;
}) {
  const money = (n: number) => formatMoney(n, receipt.currency);
  const when = (ms: number) => formatOfficeDateTime(ms, timeZone);
  const isRefund = receipt.kind === 'refund';
  const titleId = `receipt-${String(receipt.number)}-title`;

  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      className="printable receipt-sheet"
      withBorder
      p="lg"
      maw={520}
      data-testid="receipt"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            {issuer && <Issuer profile={issuer} />}
            <Title order={2} size="h4" id={titleId}>
              {`${isRefund ? 'Refund receipt' : 'Payment receipt'} ${receipt.code}`}
            </Title>
          </Stack>
          {receipt.voided && (
            <Badge color="red" size="xl" variant="outline" aria-label="This receipt is void">
              VOID
            </Badge>
          )}
        </Group>
        <Divider />
        <Table verticalSpacing={4} withRowBorders={false} aria-label="Receipt details">
          <Table.Tbody>
            <Row label="Receipt no.">{receipt.code}</Row>
            <Row label="Date">{`${when(receipt.issuedAt)} (${timeZone})`}</Row>
            <Row label="Client">{receipt.client.fullName}</Row>
            <Row label="Account">{receipt.client.accountNo}</Row>
            <Row label={isRefund ? 'Amount refunded' : 'Amount received'}>
              <Text fw={700} size="lg" span data-testid="receipt-amount">
                {money(receipt.amount)}
              </Text>
            </Row>
            <Row label="Method">{METHOD_LABELS[receipt.method]}</Row>
            {receipt.reference && <Row label="Reference">{receipt.reference}</Row>}
            {receipt.note && <Row label={isRefund ? 'Reason' : 'Note'}>{receipt.note}</Row>}
            {receipt.renewal && (
              <Row label="Renewal">
                {`${receipt.renewal.planName}: ${when(receipt.renewal.periodStart)} to ${when(receipt.renewal.periodEnd)}`}
              </Row>
            )}
            <Row label="Balance after">{money(receipt.balanceAfter)}</Row>
            <Row label="Served by">{receipt.staffName}</Row>
          </Table.Tbody>
        </Table>
        <Divider />
        <Text size="xs" c="dimmed" ta="center">
          {receipt.voided
            ? 'This payment was voided; the receipt is kept for the record.'
            : 'Thank you. Keep this receipt as proof of payment.'}
        </Text>
        {issuer?.receiptFooter && (
          <Text
            size="sm"
            ta="center"
            style={{ whiteSpace: 'pre-line' }}
            data-testid="receipt-footer"
          >
            {issuer.receiptFooter}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
