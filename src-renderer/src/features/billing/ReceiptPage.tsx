import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { OfficeGate, useOfficeProfile } from '../settings/OfficeGate';
import { useOffice } from '../settings/office-context';
import { ReceiptView } from './ReceiptView';
import { SavePdfButton } from './SavePdfButton';
import './print.css';

export function ReceiptPage() {
  const number = Number(useParams().number);
  if (!Number.isSafeInteger(number) || number <= 0) {
    return (
      <ErrorState
        title="No such receipt"
        error={new Error('Receipt numbers are whole numbers from 1.')}
      />
    );
  }
  return (
    <OfficeGate>
      <ReceiptScreen number={number} />
    </OfficeGate>
  );
}

function ReceiptScreen({ number }: { number: number }) {
  const { timeZone } = useOffice();
  const receipt = useApiQuery('receipts.get', { number });
  const issuer = useOfficeProfile();

  if (receipt.isPending || issuer.isPending) return <LoadingState label="Loading the receipt…" />;
  if (receipt.isError) {
    return (
      <ErrorState
        title="Could not load the receipt"
        error={receipt.error}
        onRetry={() => void receipt.refetch()}
      />
    );
  }
  return (
    <Stack gap="md">
      <Group gap="sm" className="no-print">
        <Anchor component={Link} to={`/clients/${String(receipt.data.client.id)}`}>
          {`Back to ${receipt.data.client.fullName}`}
        </Anchor>
        <Button onClick={() => window.print()}>Print receipt</Button>
        <SavePdfButton fileName={`receipt-${String(number)}`} />
      </Group>
      {issuer.isError && (
        <Alert color="yellow" variant="light" className="no-print">
          The office&apos;s name and address could not be loaded; this receipt prints without them.
        </Alert>
      )}
      <ReceiptView receipt={receipt.data} timeZone={timeZone} issuer={issuer.data} />
    </Stack>
  );
}
