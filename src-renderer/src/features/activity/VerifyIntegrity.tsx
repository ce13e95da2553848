import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { Out } from '@contract/api';
import type { ApiError } from '../../api/api-error';
import { formatNumber } from '../../lib/format';

export type VerifyState = {
  result: Out<'activity.verify'> | undefined;
  error: ApiError | null;
  isPending: boolean;
  /** Entries checked so far, from the core's `task.progress` events, while the check runs. */
  progress: { done: number; total: number } | null;
  /** The archive the last check ran on; null for the live log. */
  archive: string | null;
  /** The last check was cancelled from this screen. */
  cancelled: boolean;
  run: () => void;
  /** Stops the running check. */
  cancel: () => void;
  /** A cancel was asked for and the check has not stopped yet. */
  cancelling: boolean;
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
  if (state.isPending) return <VerifyProgress state={state} />;
  if (state.cancelled) {
    return (
      <Alert color="gray" variant="light" title="Integrity check cancelled" {...close}>
        The check was stopped before it finished; nothing was concluded about the log.
      </Alert>
    );
  }
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
        {`${state.archive ? `Archive ${state.archive}: ` : ''}${formatNumber(result.checked)} ${result.checked === 1 ? 'entry' : 'entries'} checked; the hash chain is intact.`}
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

/** The check running: entries checked against the chain's length, as the core reports them. */
function VerifyProgress({ state }: { state: VerifyState }) {
  const { progress } = state;
  const percent =
    progress && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-label="Verifying integrity">
      <Stack gap={6}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {progress
              ? `Verifying the hash chain… ${formatNumber(progress.done)} of ${formatNumber(progress.total)} entries checked`
              : 'Verifying the hash chain…'}
          </Text>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={state.cancelling}
            onClick={state.cancel}
          >
            Cancel check
          </Button>
        </Group>
        <Progress
          aria-label="Verification progress"
          value={percent ?? 100}
          striped={percent === null}
          animated={percent === null}
        />
      </Stack>
    </Paper>
  );
}
