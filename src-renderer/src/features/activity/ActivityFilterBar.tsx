import { Button, CloseButton, Group, MultiSelect, Paper, Pill, Select, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { DatesRangeValue } from '@mantine/dates';
import { useState } from 'react';
import type { Ref } from 'react';
import { DebouncedTextInput } from '../../components/DebouncedTextInput';
import { CATEGORY_OPTIONS, OUTCOME_OPTIONS, TYPE_OPTIONS } from './activity-labels';
import { EMPTY_VIEW, QUICK_RANGES, isFiltered, isMinuteBound } from './filter-params';
import type { ActivityView, QuickRange } from './filter-params';
import { useOfficeClock } from '../../lib/office-clock-context';

export type StaffOption = { value: number; label: string };

export type ActivityFilterBarProps = {
  view: ActivityView;
  /**
   * Changes some fields of the filter (applied to the newest URL state, so that two quick
   * changes do not undo each other). `push` adds a history entry (discrete changes); typing
   * replaces the current one.
   */
  onChange: (patch: Partial<ActivityView>, mode?: 'push' | 'replace') => void;
  /** The server's message when it rejected the IP filter. */
  ipError?: string;
  /** Staff to filter by; `null` hides the select (the user may not list staff). */
  staffOptions: StaffOption[] | null;
  /** Name for the active staff filter when there is no select to show it. */
  actorLabel?: string;
  /** The search box, for the `/` shortcut. */
  searchRef?: Ref<HTMLInputElement>;
};

/** The date picker shows whole days; a zoomed range's minutes are shown in a pill. */
const dayPart = (bound: string | null) => (bound === null ? null : bound.slice(0, 10));

/** A bound as office wall-clock time; days read from their first to their last minute. */
const boundText = (bound: string, edge: 'from' | 'to') =>
  isMinuteBound(bound)
    ? bound.replace('T', ' ')
    : `${bound} ${edge === 'from' ? '00:00' : '23:59'}`;

const timeRangeLabel = (from: string | null, to: string | null, zone: string) =>
  `Time (${zone}): ${from ? boundText(from, 'from') : '…'} – ${to ? boundText(to, 'to') : '…'}`;

const RANGE_KEYS = Object.keys(QUICK_RANGES) as QuickRange[];

export function ActivityFilterBar({
  view,
  onChange,
  ipError,
  staffOptions,
  actorLabel,
  searchRef,
}: ActivityFilterBarProps) {
  const clock = useOfficeClock();
  const update = (patch: Partial<ActivityView>, mode: 'push' | 'replace' = 'replace') =>
    onChange(patch, mode);

  // A range being picked (first day chosen, second not yet) stays local until complete.
  const [partialRange, setPartialRange] = useState<DatesRangeValue<string> | null>(null);
  const rangeValue: DatesRangeValue<string> = partialRange ?? [
    dayPart(view.from),
    dayPart(view.to),
  ];
  const zoomed = isMinuteBound(view.from) || isMinuteBound(view.to);

  const onDatesChange = (value: DatesRangeValue<string>) => {
    const [from, to] = value;
    if ((from === null) !== (to === null)) {
      setPartialRange(value);
      return;
    }
    setPartialRange(null);
    update({ from, to, range: null });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Activity filters">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DebouncedTextInput
            label="Search"
            placeholder="Description, event, staff, target…"
            type="search"
            inputRef={searchRef}
            aria-keyshortcuts="/"
            value={view.text}
            onCommit={(text) => update({ text })}
            style={{ flex: '2 1 16rem' }}
          />
          <DatePickerInput
            type="range"
            label="Date range"
            placeholder={view.range ? QUICK_RANGES[view.range].label : 'Any date'}
            value={rangeValue}
            onChange={onDatesChange}
            onDropdownClose={() => setPartialRange(null)}
            allowSingleDateInRange
            clearable
            valueFormat="YYYY-MM-DD"
            style={{ flex: '1 1 14rem' }}
          />
          <Button.Group aria-label="Quick date ranges">
            {RANGE_KEYS.map((key) => (
              <Button
                key={key}
                variant={view.range === key ? 'filled' : 'default'}
                aria-pressed={view.range === key}
                onClick={() => update({ range: key, from: null, to: null }, 'push')}
              >
                {QUICK_RANGES[key].label}
              </Button>
            ))}
            <Button
              variant={!view.range && !view.from && !view.to ? 'filled' : 'default'}
              aria-pressed={!view.range && !view.from && !view.to}
              onClick={() => update({ range: null, from: null, to: null }, 'push')}
            >
              All time
            </Button>
          </Button.Group>
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <MultiSelect
            label="Type"
            placeholder={view.types.length ? undefined : 'Any type'}
            data={TYPE_OPTIONS}
            value={view.types}
            onChange={(types) => update({ types })}
            clearable
            style={{ flex: '1 1 10rem' }}
          />
          <MultiSelect
            label="Category"
            placeholder={view.categories.length ? undefined : 'Any category'}
            data={CATEGORY_OPTIONS}
            value={view.categories}
            onChange={(categories) => update({ categories })}
            searchable
            clearable
            style={{ flex: '1 1 10rem' }}
          />
          <Select
            label="Outcome"
            placeholder="Any outcome"
            data={OUTCOME_OPTIONS}
            value={view.outcome}
            onChange={(outcome) => update({ outcome })}
            clearable
            style={{ flex: '0 1 9rem' }}
          />
          <DebouncedTextInput
            label="IP address"
            placeholder="10.0.0.5, 10.0. or 10.0.0.0/24"
            value={view.ip}
            onCommit={(ip) => update({ ip })}
            delay={400}
            error={ipError}
            spellCheck={false}
            style={{ flex: '1 1 10rem' }}
          />
          {staffOptions && (
            <Select<number>
              label="Staff member"
              placeholder="Anyone"
              data={staffOptions}
              value={view.actorId}
              onChange={(actorId) => update({ actorId })}
              searchable
              clearable
              nothingFoundMessage="No staff member matches"
              style={{ flex: '1 1 10rem' }}
            />
          )}
        </Group>
        {(isFiltered(view) || (!staffOptions && view.actorId !== null)) && (
          <Group gap="xs">
            {zoomed && (
              <FilterPill
                label={timeRangeLabel(view.from, view.to, clock.zone)}
                clearLabel="Clear time range"
                onClear={() => update({ from: null, to: null }, 'push')}
              />
            )}
            {view.clientId !== null && (
              <FilterPill
                label={`Client #${String(view.clientId)}`}
                clearLabel="Clear client filter"
                onClear={() => update({ clientId: null }, 'push')}
              />
            )}
            {view.routerId !== null && (
              <FilterPill
                label={`Router #${String(view.routerId)}`}
                clearLabel="Clear router filter"
                onClear={() => update({ routerId: null }, 'push')}
              />
            )}
            {!staffOptions && view.actorId !== null && (
              <FilterPill
                label={`Staff: ${actorLabel ?? `#${view.actorId}`}`}
                clearLabel="Clear staff filter"
                onClear={() => update({ actorId: null }, 'push')}
              />
            )}
            {view.correlationId && (
              <FilterPill
                label={`Correlation: ${view.correlationId}`}
                clearLabel="Clear correlation filter"
                onClear={() => update({ correlationId: '' }, 'push')}
              />
            )}
            <Button variant="subtle" size="xs" onClick={() => onChange(EMPTY_VIEW, 'push')}>
              Clear filters
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function FilterPill({
  label,
  clearLabel,
  onClear,
}: {
  label: string;
  clearLabel: string;
  onClear: () => void;
}) {
  return (
    <Pill size="md">
      <Group gap={4} wrap="nowrap">
        {label}
        <CloseButton size="xs" aria-label={clearLabel} onClick={onClear} />
      </Group>
    </Pill>
  );
}
