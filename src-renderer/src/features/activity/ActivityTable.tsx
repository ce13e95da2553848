import { Anchor, Table, Text } from '@mantine/core';
import type { ActivityEntry } from '../../../../src-main/contract/schemas/activity';
import { formatDateTime } from '../../lib/format';
import { ActorLink, IpLink, OutcomeBadge, TypeBadge } from './ActivityCells';
import type { FilterClicks } from './ActivityCells';
import { categoryLabel } from './activity-labels';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export type ActivityTableProps = FilterClicks & {
  entries: ActivityEntry[];
  selectedId: number | null;
  onOpen: (id: number) => void;
};

export function ActivityTable({
  entries,
  selectedId,
  onOpen,
  onFilterIp,
  onFilterActor,
}: ActivityTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Activity log entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Staff</Table.Th>
            <Table.Th>IP</Table.Th>
            <Table.Th>Description</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr
              key={entry.id}
              data-entry-id={entry.id}
              data-selected={entry.id === selectedId || undefined}
              onClick={() => onOpen(entry.id)}
              style={{ cursor: 'pointer' }}
              bg={entry.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td miw={96}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  c="inherit"
                  aria-label={`Open entry ${entry.id}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(entry.id);
                  }}
                >
                  <time dateTime={new Date(entry.ts).toISOString()}>
                    {formatDateTime(entry.ts)}
                  </time>
                </Anchor>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <TypeBadge type={entry.type} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{categoryLabel(entry.category)}</Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text size="xs" ff="monospace">
                  {entry.event}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <OutcomeBadge outcome={entry.outcome} />
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <ActorLink actor={entry.actor} onFilterActor={onFilterActor} />
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <IpLink ip={entry.ip} onFilterIp={onFilterIp} />
              </Table.Td>
              <Table.Td miw={200}>
                <Text size="sm" lineClamp={2}>
                  {entry.description}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
