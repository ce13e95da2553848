import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ActivityEntry } from '@contract/schemas/activity';
import { useOfficeClock } from '../../lib/office-clock-context';
import { ActorLink, IpLink, OutcomeBadge, TypeBadge } from './ActivityCells';
import type { FilterClicks } from './ActivityCells';
import { HighlightedText } from './HighlightedText';
import { categoryLabel } from './activity-labels';
import { clockReadOf } from './clock-notes';
import classes from './ActivityTable.module.css';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const CURSOR_OUTLINE = {
  outline: '2px solid var(--mantine-primary-color-filled)',
  outlineOffset: -2,
} as const;
/** The entry an "around this entry" view is around: a bar down its left edge and a tint. */
const AROUND_MARK = {
  boxShadow: 'inset 4px 0 0 var(--mantine-color-yellow-filled)',
} as const;

const rowStyle = (cursor: boolean, around: boolean) => ({
  cursor: 'pointer',
  ...(cursor ? CURSOR_OUTLINE : {}),
  ...(around ? AROUND_MARK : {}),
});

const rowTint = (selected: boolean, around: boolean) =>
  selected
    ? 'var(--mantine-primary-color-light)'
    : around
      ? 'var(--mantine-color-yellow-light)'
      : undefined;

export type ActivityTableProps = FilterClicks & {
  entries: ActivityEntry[];
  /** The entry open in the drawer. */
  selectedId: number | null;
  /** The keyboard selection (j/k, next/previous failure); marked with `aria-current`. */
  cursorId?: number | null;
  /** Search terms to mark in the descriptions. */
  terms?: readonly string[];
  /** Fewer columns, for timelines embedded in other screens. */
  compact?: boolean;
  /** Accessible name of the table. */
  label?: string;
  onOpen: (id: number) => void;
  /** The entry an "around this entry" view is around: marked and kept in view. */
  aroundId?: number | null;
  /** Each row's "Show surrounding entries"; without it, no such column. */
  onAround?: (entry: ActivityEntry) => void;
};

const NO_TERMS: readonly string[] = [];

const rowIn = (body: HTMLElement | null, id: number) =>
  body?.querySelector(`[data-entry-id="${String(id)}"]`);

export function ActivityTable({
  entries,
  selectedId,
  cursorId = null,
  terms = NO_TERMS,
  compact = false,
  label = 'Activity log entries',
  onOpen,
  onFilterIp,
  onFilterActor,
  aroundId = null,
  onAround,
}: ActivityTableProps) {
  const clock = useOfficeClock();
  const body = useRef<HTMLTableSectionElement>(null);
  // Keep the keyboard selection in view as it moves.
  useEffect(() => {
    if (cursorId !== null) rowIn(body.current, cursorId)?.scrollIntoView({ block: 'nearest' });
  }, [cursorId]);
  // The entry a view is around, in the middle of the screen; again when entries above it arrive
  // (a wider window), not when more load below it.
  const aroundIndex = aroundId === null ? -1 : entries.findIndex((e) => e.id === aroundId);
  useEffect(() => {
    if (aroundId === null || aroundIndex < 0) return;
    rowIn(body.current, aroundId)?.scrollIntoView({ block: 'center' });
  }, [aroundId, aroundIndex]);

  return (
    <Table.ScrollContainer minWidth={compact ? 560 : 700}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th title={`Office time, ${clock.timeZone}`}>Time ({clock.zone})</Table.Th>
            {/* Dropped where the table's box is narrow (app/layout.css), never cut off. */}
            {!compact && <Table.Th data-col-optional="wide">Type</Table.Th>}
            {!compact && <Table.Th data-col-optional="widest">Category</Table.Th>}
            <Table.Th data-col-optional="widest">Event</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Staff</Table.Th>
            {!compact && <Table.Th>IP</Table.Th>}
            <Table.Th>Description</Table.Th>
            {onAround && (
              <Table.Th w={40}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body}>
          {entries.map((entry) => (
            <Table.Tr
              key={entry.id}
              data-entry-id={entry.id}
              data-selected={entry.id === selectedId || undefined}
              data-around={entry.id === aroundId || undefined}
              data-outcome={entry.outcome}
              aria-current={entry.id === cursorId ? 'true' : undefined}
              title={entry.id === aroundId ? 'The entry this view is around' : undefined}
              onClick={() => onOpen(entry.id)}
              style={rowStyle(entry.id === cursorId, entry.id === aroundId)}
              bg={rowTint(entry.id === selectedId, entry.id === aroundId)}
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
                    {clock.dateTime(entry.ts)}
                  </time>
                </Anchor>
                <ClockNote entry={entry} />
              </Table.Td>
              {!compact && (
                <Table.Td style={NOWRAP} data-col-optional="wide">
                  <TypeBadge type={entry.type} />
                </Table.Td>
              )}
              {!compact && (
                <Table.Td data-col-optional="widest">
                  <Text size="sm">{categoryLabel(entry.category)}</Text>
                </Table.Td>
              )}
              <Table.Td style={NOWRAP} data-col-optional="widest">
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
              {!compact && (
                <Table.Td style={NOWRAP}>
                  <IpLink ip={entry.ip} onFilterIp={onFilterIp} />
                </Table.Td>
              )}
              <Table.Td miw={200}>
                <Text size="sm" lineClamp={2}>
                  <HighlightedText text={entry.description} terms={terms} />
                </Text>
              </Table.Td>
              {onAround && (
                <Table.Td>
                  <button
                    type="button"
                    className={classes.aroundButton}
                    aria-label={`Show surrounding entries of entry ${String(entry.id)}`}
                    title="Show surrounding entries (±5 minutes, all filters cleared)"
                    onClick={(event) => {
                      event.stopPropagation();
                      onAround(entry);
                    }}
                  >
                    <SurroundingIcon />
                  </button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Lines before and after a bolder one: an entry in its context. */
function SurroundingIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d="M3 2.5h8M3 11.5h8" stroke="currentColor" strokeWidth="1.2" />
      <path d="M1 7h12" stroke="currentColor" strokeWidth="2.4" />
    </svg>
  );
}

/** Under the time of an entry the log held back: what the computer's clock read instead. */
function ClockNote({ entry }: { entry: ActivityEntry }) {
  const read = clockReadOf(entry);
  const clock = useOfficeClock();
  if (read === null) return null;
  return (
    <Text
      size="xs"
      c="orange"
      data-testid="clock-note"
      title="The computer's clock was behind the log: this entry keeps the time of the one before"
    >
      clock read {clock.dateTime(read)}
    </Text>
  );
}
