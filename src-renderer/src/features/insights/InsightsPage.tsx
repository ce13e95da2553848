import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { INSIGHTS_RANGES, type InsightsRange } from '@contract/schemas/insights';
import { OfficeDayInput } from '../../components/OfficeDayInput';
import { useOfficeClock } from '../../lib/office-clock-context';
import { OfficeGate } from '../settings/OfficeGate';
import { ActivityInsights } from './ActivityInsights';
import { JobInsights } from './JobInsights';
import { RouterInsights } from './RouterInsights';

/** The range every section reads: a quick range, or whole office days. */
export type RangeInput = { range: InsightsRange } | { fromDay: string; toDay: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHOICES = [
  ...Object.entries(INSIGHTS_RANGES).map(([value, r]) => ({ value, label: r.label })),
  { value: 'custom', label: 'Pick days' },
];

const isRange = (v: string): v is InsightsRange => Object.hasOwn(INSIGHTS_RANGES, v);

/**
 * Performance analysis from the log's rollups and the kept job and router history (never a scan
 * of the log): who works when, staff actions per day, scheduled jobs' durations and slowest runs,
 * and each router's latency, outages and sync failures. Every figure links into the Activity Log.
 */
export function InsightsPage() {
  return (
    <OfficeGate>
      <InsightsScreen />
    </OfficeGate>
  );
}

function InsightsScreen() {
  const clock = useOfficeClock();
  const [choice, setChoice] = useState<string>('7d');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const daysValid = DAY.test(fromDay) && DAY.test(toDay) && fromDay <= toDay;
  const range: RangeInput | null = isRange(choice)
    ? { range: choice }
    : daysValid
      ? { fromDay, toDay }
      : null;

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          Insights
        </Title>
        <Text size="sm" c="dimmed">
          How the office works and how the system keeps up, from the log&apos;s hourly counts and
          the kept job and router history. Times are office time ({clock.zone}).
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end">
        <SegmentedControl value={choice} onChange={setChoice} data={CHOICES} aria-label="Range" />
        {choice === 'custom' && (
          <>
            <OfficeDayInput
              label="First day"
              value={fromDay}
              onChange={(e) => setFromDay(e.currentTarget.value)}
              w={140}
            />
            <OfficeDayInput
              label="Last day"
              value={toDay}
              onChange={(e) => setToDay(e.currentTarget.value)}
              error={
                DAY.test(fromDay) && DAY.test(toDay) && fromDay > toDay
                  ? 'Not before the first day'
                  : undefined
              }
              w={140}
            />
          </>
        )}
      </Group>
      {range === null ? (
        <Text size="sm" c="dimmed">
          Type the first and the last day as yyyy-mm-dd.
        </Text>
      ) : (
        <Stack gap="md">
          <ActivityInsights range={range} />
          <JobInsights range={range} />
          <RouterInsights range={range} />
        </Stack>
      )}
    </Stack>
  );
}
