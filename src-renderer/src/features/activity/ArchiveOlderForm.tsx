import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { OfficeDayInput } from '../../components/OfficeDayInput';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Out } from '@contract/api';
import { useApiMutation } from '../../api/hooks';
import { formatNumber } from '../../lib/format';
import { TaskProgressPanel } from '../tasks/TaskProgressPanel';
import { useOwnTask } from '../tasks/use-own-task';
import { localDayStart } from './filter-params';
import { useOfficeClock } from '../../lib/office-clock-context';

type Step = { kind: 'pick' } | { kind: 'confirm'; before: number } | { kind: 'done' };

/**
 * Retention, for administrators: pick a date, confirm, and the entries recorded before it are
 * moved into an archive file (verified first) and removed from the live log.
 */
export function ArchiveOlderForm({
  onCancel,
  onOpenArchive,
}: {
  onCancel: () => void;
  onOpenArchive: (name: string) => void;
}) {
  const clock = useOfficeClock();
  const queryClient = useQueryClient();
  const [day, setDay] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  // The run is a task of the user's: its progress shows, and it can be cancelled until the
  // archive is made (the core refuses once entries are being removed, and says so).
  const task = useOwnTask();
  const archive = useApiMutation('activity.archive', {
    onSettled: () => task.end(),
    onSuccess: () => {
      setStep({ kind: 'done' });
      for (const key of ['activity.archives', 'activity.search', 'activity.histogram']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
      void queryClient.invalidateQueries({ queryKey: ['activity.facets'] });
    },
  });

  if (step.kind === 'done' && archive.data) {
    return <ArchiveResult result={archive.data} onOpen={onOpenArchive} onClose={onCancel} />;
  }

  if (step.kind === 'confirm') {
    return (
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {`Archive every entry recorded before ${clock.dateTime(step.before)}?`}
        </Text>
        <Text size="sm">
          The entries are copied into a standalone archive file, with their hash chain and the
          signed checkpoint they end on. The archive is verified, and only then are the entries
          removed from the live log, in one step that is itself logged. The archive stays reviewable
          here, read-only. This cannot be undone.
        </Text>
        {archive.isPending && (
          <TaskProgressPanel
            label="Archiving older entries…"
            progress={task.progress}
            onCancel={() => void task.cancel()}
            cancelling={task.cancelling}
            cancelLabel="Cancel archive"
          />
        )}
        {archive.error && (
          <Alert color="red" variant="light" title="Nothing was archived">
            {archive.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              archive.reset();
              setStep({ kind: 'pick' });
            }}
          >
            Back
          </Button>
          <Button
            color="red"
            loading={archive.isPending}
            onClick={() => archive.mutate({ before: step.before, taskId: task.begin() })}
          >
            Archive entries
          </Button>
        </Group>
      </Stack>
    );
  }

  const before = day ? localDayStart(day, clock) : Number.NaN;
  const valid = !Number.isNaN(before);
  return (
    <Stack gap="sm">
      <Text size="sm">
        Moves older entries out of the live log into an archive file, which keeps the live log fast.
        Archived entries can still be searched and verified from the Archives list.
      </Text>
      <OfficeDayInput
        label="Archive entries recorded before"
        description="Everything before the start of this day (local time) is archived."
        value={day}
        onChange={(event) => setDay(event.currentTarget.value)}
        error={day !== '' && !valid ? 'Choose a valid date' : undefined}
        required
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={!valid} onClick={() => setStep({ kind: 'confirm', before })}>
          Continue
        </Button>
      </Group>
    </Stack>
  );
}

function ArchiveResult({
  result,
  onOpen,
  onClose,
}: {
  result: Out<'activity.archive'>;
  onOpen: (name: string) => void;
  onClose: () => void;
}) {
  return (
    <Stack gap="sm">
      <Alert color="teal" variant="light" title="Entries archived">
        {`${formatNumber(result.entries)} ${result.entries === 1 ? 'entry' : 'entries'} (#${String(result.firstId)}–#${String(result.lastId)}) moved into ${result.file} and removed from the live log.`}
      </Alert>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Done
        </Button>
        <Button onClick={() => onOpen(result.file)}>Open the archive</Button>
      </Group>
    </Stack>
  );
}
