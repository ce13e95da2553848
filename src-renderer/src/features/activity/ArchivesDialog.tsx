import { Button, Group, Modal, Stack, Table, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { ArchiveOlderForm } from './ArchiveOlderForm';
import { ExportCheckpointsButton } from './ExportCheckpointsButton';
import { formatBytes } from './export-progress';
import { useOfficeClock } from '../../lib/office-clock-context';

export type ArchivesDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** The archive currently under review, if any. */
  current: string | null;
  onOpenArchive: (name: string) => void;
  /** Administrators (`activity.retention`) may archive older entries. */
  canArchive: boolean;
};

/** The archive files, to open one for review; for administrators, archiving older entries. */
export function ArchivesDialog(props: ArchivesDialogProps) {
  const [mode, setMode] = useState<'list' | 'archive'>('list');
  const close = () => {
    setMode('list');
    props.onClose();
  };
  const open = (name: string) => {
    props.onOpenArchive(name);
    close();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      size="xl"
      title={mode === 'list' ? 'Activity archives' : 'Archive older entries'}
      closeButtonProps={{ 'aria-label': 'Close archives' }}
    >
      {mode === 'archive' ? (
        <ArchiveOlderForm onCancel={() => setMode('list')} onOpenArchive={open} />
      ) : (
        <Stack gap="md">
          <ArchiveList current={props.current} onOpen={open} />
          <Group justify="space-between" gap="sm">
            <ExportCheckpointsButton />
            {props.canArchive && (
              <Button variant="light" color="red" onClick={() => setMode('archive')}>
                Archive older entries…
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function ArchiveList({
  current,
  onOpen,
}: {
  current: string | null;
  onOpen: (name: string) => void;
}) {
  const clock = useOfficeClock();
  const archives = useApiQuery('activity.archives', undefined);
  if (archives.isPending) return <LoadingState label="Loading archives…" />;
  if (archives.isError) {
    return (
      <ErrorState
        title="Could not list the archives"
        error={archives.error}
        onRetry={() => void archives.refetch()}
      />
    );
  }
  if (archives.data.length === 0) {
    return (
      <EmptyState>
        No archives yet. Archiving older entries moves them into a file that can be reviewed here.
      </EmptyState>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Archives" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Archive</Table.Th>
            <Table.Th>Entries</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {archives.data.map((a) => (
            <Table.Tr key={a.name}>
              <Table.Td ff="monospace">{a.name}</Table.Td>
              <Table.Td>
                {`${formatNumber(a.lastId - a.firstId + 1)} (#${String(a.firstId)}–#${String(a.lastId)})`}
              </Table.Td>
              <Table.Td>{formatBytes(a.sizeBytes)}</Table.Td>
              <Table.Td>{clock.dateTimeShort(a.createdAt)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant={a.name === current ? 'filled' : 'light'}
                  aria-label={`Open archive ${a.name}`}
                  onClick={() => onOpen(a.name)}
                >
                  {a.name === current ? 'Open now' : 'Open'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
