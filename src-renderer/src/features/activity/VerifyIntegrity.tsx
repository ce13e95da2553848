import { Alert, Anchor, Button, Text } from '@mantine/core';
import type { Out } from '../../../../src-main/contract/api';
import type { ApiError } from '../../api/api-error';
import { formatNumber } from '../../lib/format';

export type VerifyState = {
  result: Out<'activity.verify'> | undefined;
  error: ApiError | null;
  isPending: boolean;
  run: () => void;
  dismiss: () => void;
};

export function VerifyIntegrityButton({ state }: { state: VerifyState }) {
  return (
    <Button variant="default" loading={state.isPending} onClick={state.run}>
      Verify integrity
    </Button>
  );
}

/** The outcome of the last hash-chain check, shown above the results. */
export function VerifyIntegrityResult({
  state,
  onOpenEntry,
}: {
  state: VerifyState;
  onOpenEntry: (id: number) => void;
}) {
  const close = { withCloseButton: true, onClose: state.dismiss, closeButtonLabel: 'Dismiss' };
  if (state.error) {
    return (
      <Alert color="red" variant="light" title="Could not verify the log" {...close}>
        {state.error.message}
      </Alert>
    );
  }
  const result = state.result;
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title="Integrity verified" {...close}>
        {`${formatNumber(result.checked)} ${result.checked === 1 ? 'entry' : 'entries'} checked; the hash chain is intact.`}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="filled" title="Integrity check failed" {...close}>
      <Text size="sm">
        {result.firstBadId === null
          ? 'The log does not verify.'
          : `The first bad entry is #${result.firstBadId}.`}{' '}
        {result.reason ?? ''}
      </Text>
      <Text size="sm">{`${formatNumber(result.checked)} entries checked.`}</Text>
      {result.firstBadId !== null && (
        <Anchor
          component="button"
          type="button"
          c="white"
          size="sm"
          td="underline"
          onClick={() => result.firstBadId !== null && onOpenEntry(result.firstBadId)}
        >
          {`Show entry #${result.firstBadId}`}
        </Anchor>
      )}
    </Alert>
  );
}
