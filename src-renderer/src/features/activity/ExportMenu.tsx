import { Button, Group, Menu, Paper, Progress, Stack, Text } from '@mantine/core';
import { FORMAT_LABELS, exportPercent, exportProgressLabel } from './export-progress';
import type { ExportFormat, ExportProgress } from './export-progress';

/**
 * Export of the entries matching the current filter: "Export CSV" at once, and a menu with both
 * formats (CSV and NDJSON).
 */
export function ExportMenu({
  busy,
  onExport,
  onBundle,
}: {
  busy: boolean;
  onExport: (format: ExportFormat) => void;
  /** Administrators: an evidence bundle for an auditor. */
  onBundle?: (() => void) | undefined;
}) {
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        variant="default"
        loading={busy}
        onClick={() => onExport('csv')}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        Export CSV
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            variant="default"
            px={8}
            disabled={busy}
            aria-label="Export formats"
            style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, marginLeft: -1 }}
          >
            ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Entries matching the filter</Menu.Label>
          {(['csv', 'ndjson'] as const).map((format) => (
            <Menu.Item key={format} onClick={() => onExport(format)}>
              {`Export ${FORMAT_LABELS[format]}`}
            </Menu.Item>
          ))}
          {onBundle && (
            <>
              <Menu.Divider />
              <Menu.Label>For an auditor</Menu.Label>
              <Menu.Item onClick={onBundle}>Evidence bundle…</Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** The running export: entries written against the expected count, and a way to stop it. */
export function ExportProgressPanel({
  progress,
  onCancel,
  cancelling = false,
}: {
  progress: ExportProgress;
  onCancel: (() => void) | null;
  cancelling?: boolean;
}) {
  const percent = exportPercent(progress);
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-label="Export in progress">
      <Stack gap={6}>
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {`Exporting ${FORMAT_LABELS[progress.format]}… ${exportProgressLabel(progress)}`}
          </Text>
          {onCancel && (
            <Button size="xs" variant="subtle" color="red" loading={cancelling} onClick={onCancel}>
              Cancel export
            </Button>
          )}
        </Group>
        <Progress
          aria-label="Export progress"
          value={percent ?? 100}
          striped={percent === null}
          animated={percent === null}
        />
      </Stack>
    </Paper>
  );
}
