import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { TaskProgress } from './use-own-task';

/**
 * A long task of this screen's while it runs: what it is doing, how far it got (when the core
 * reports counts; otherwise a moving bar) and a Cancel button.
 */
export function TaskProgressPanel({
  label,
  progress,
  onCancel,
  cancelling,
  cancelLabel = 'Cancel',
}: {
  /** What runs, e.g. "Backing up the database…". */
  label: string;
  progress: Pick<TaskProgress, 'done' | 'total'> | null;
  onCancel: () => void;
  cancelling: boolean;
  cancelLabel?: string;
}) {
  const percent =
    progress && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-label={label}>
      <Stack gap={6}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">{label}</Text>
          <Button size="xs" variant="subtle" color="red" loading={cancelling} onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
        <Progress
          aria-label={`${label} progress`}
          value={percent ?? 100}
          striped={percent === null}
          animated={percent === null}
        />
      </Stack>
    </Paper>
  );
}
