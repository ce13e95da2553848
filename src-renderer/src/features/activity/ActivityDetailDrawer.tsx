import { Anchor, Button, Code, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ActivityEntry } from '@contract/schemas/activity';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { useOfficeClock } from '../../lib/office-clock-context';
import type { OfficeClock } from '../../lib/office-time';
import { ActorLink, IpLink, OutcomeBadge, TypeBadge } from './ActivityCells';
import type { FilterClicks } from './ActivityCells';
import { DetailsDiff } from './DetailsDiff';
import { EntryPivots } from './EntryPivots';
import type { Pivot } from './EntryPivots';
import { categoryLabel } from './activity-labels';
import { clockReadOf } from './clock-notes';

export type ActivityDetailDrawerProps = FilterClicks & {
  /** The entry to show; `null` closes the drawer. */
  entryId: number | null;
  /** The entry when it is already loaded in the table (otherwise it is fetched). */
  entry: ActivityEntry | undefined;
  /** The archive the entry comes from; null for the live log. */
  archive?: string | null;
  onClose: () => void;
  onFilterCorrelation: (correlationId: string) => void;
  /** "Everything from this IP" and the like; without it, no pivot buttons are shown. */
  onPivot?: (pivot: Pivot) => void;
  /** "What happened around this entry"; without it, no such button is shown. */
  onAround?: (entry: ActivityEntry) => void;
};

export function ActivityDetailDrawer({
  entryId,
  entry,
  archive = null,
  onClose,
  ...clicks
}: ActivityDetailDrawerProps) {
  return (
    <Drawer
      opened={entryId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={entryId === null ? 'Entry' : `Entry #${entryId}`}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': 'Close entry details' }}
    >
      {entryId !== null &&
        (entry ? (
          <EntryDetails entry={entry} {...clicks} />
        ) : (
          <FetchedEntry id={entryId} archive={archive} {...clicks} />
        ))}
    </Drawer>
  );
}

type ClickProps = Omit<ActivityDetailDrawerProps, 'entryId' | 'entry' | 'onClose' | 'archive'>;

function FetchedEntry({
  id,
  archive,
  ...clicks
}: ClickProps & { id: number; archive: string | null }) {
  const query = useApiQuery('activity.get', archive ? { id, archive } : { id });
  if (query.isPending) return <LoadingState label="Loading entry…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="Could not load this entry"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <EntryDetails entry={query.data} {...clicks} />;
}

const dash = (value: ReactNode) =>
  value === null || value === undefined || value === '' ? (
    <Text span c="dimmed" size="sm">
      —
    </Text>
  ) : (
    value
  );

function EntryDetails({
  entry,
  onFilterIp,
  onFilterActor,
  onFilterCorrelation,
  onPivot,
  onAround,
}: ClickProps & { entry: ActivityEntry }) {
  const clock = useOfficeClock();
  const rows: [string, ReactNode][] = [
    ['ID', entry.id],
    [
      `Time (${clock.zone})`,
      <time key="t" dateTime={new Date(entry.ts).toISOString()} title={clock.timeZone}>
        {clock.dateTime(entry.ts)}
      </time>,
    ],
    ...clockRow(entry, clock),
    ['Type', <TypeBadge key="type" type={entry.type} />],
    ['Category', categoryLabel(entry.category)],
    ['Event', <Code key="event">{entry.event}</Code>],
    ['Outcome', <OutcomeBadge key="outcome" outcome={entry.outcome} />],
    ['Staff', <ActorLink key="actor" actor={entry.actor} onFilterActor={onFilterActor} />],
    ['IP', <IpLink key="ip" ip={entry.ip} onFilterIp={onFilterIp} />],
    ['Workstation', dash(entry.workstation)],
    ['Description', entry.description],
    [
      'Target',
      dash(entry.target && `${entry.target.label} (${entry.target.type} ${entry.target.id})`),
    ],
    ['Client ID', dash(entry.clientId)],
    ['Router ID', dash(entry.routerId)],
    [
      'Correlation ID',
      dash(
        entry.correlationId && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            ff="monospace"
            aria-label={`Filter by correlation ${entry.correlationId}`}
            onClick={() => entry.correlationId && onFilterCorrelation(entry.correlationId)}
          >
            {entry.correlationId}
          </Anchor>
        ),
      ),
    ],
    [
      'Hash',
      <Text key="hash" size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {entry.hash}
      </Text>,
    ],
  ];

  return (
    <Stack gap="lg">
      {onAround && (
        <Button
          size="xs"
          variant="light"
          onClick={() => onAround(entry)}
          title="Every entry a few minutes before and after this one, with all filters cleared"
        >
          What happened around this entry
        </Button>
      )}
      {onPivot && <EntryPivots entry={entry} onPivot={onPivot} />}
      <Table variant="vertical" layout="fixed" withTableBorder aria-label="Entry fields">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140} scope="row">
                {label}
              </Table.Th>
              <Table.Td>{typeof value === 'number' ? String(value) : value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Details
        </Title>
        <DetailsDiff details={entry.details} />
      </Stack>
    </Stack>
  );
}

/**
 * For an entry the log held at the time of the one before (the computer's clock was behind):
 * what the clock read.
 */
const clockRow = (entry: ActivityEntry, clock: OfficeClock): [string, ReactNode][] => {
  const read = clockReadOf(entry);
  return read === null
    ? []
    : [
        [
          'Clock read',
          `${clock.dateTime(read)} (the computer's clock was behind the log; the time above is the entry before's)`,
        ],
      ];
};
