import {
  Anchor,
  Box,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InsightsActivity } from '@contract/schemas/insights';
import { counted } from '@domain/plural';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { useOfficeClock } from '../../lib/office-clock-context';
import { heatFill, hourSpan, WEEKDAYS } from './heat';
import { cellPath, staffDayPath } from './insight-links';
import type { RangeInput } from './InsightsPage';

const SCOPES = [
  { value: 'staff', label: 'Staff actions' },
  { value: 'all', label: 'Every entry' },
];

/** Who works when: entries per office weekday and hour, each cell a link to its latest hour. */
function WeekHeatmap({ data }: { data: InsightsActivity }) {
  const clock = useOfficeClock();
  const max = Math.max(0, ...data.cells.map((c) => c.n));
  const at = new Map(data.cells.map((c) => [c.weekday * 24 + c.hour, c]));
  const what = data.scope === 'staff' ? 'staff action' : 'entry';
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Box
        data-testid="week-heatmap"
        style={{
          display: 'grid',
          gridTemplateColumns: '6.5rem repeat(24, minmax(1.1rem, 1fr))',
          gap: 2,
          minWidth: 560,
          // Room for the last squares' outline inside the scrolling box.
          padding: 1,
        }}
      >
        <span />
        {Array.from({ length: 24 }, (_, h) => (
          <Text key={h} size="10px" c="dimmed" ta="center">
            {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
          </Text>
        ))}
        {WEEKDAYS.map((day, w) => (
          <Box key={day} style={{ display: 'contents' }}>
            <Text size="xs">{day}</Text>
            {Array.from({ length: 24 }, (_, h) => {
              const cell = at.get(w * 24 + h);
              const words = `${day}s ${hourSpan(h)} (${clock.zone}): ${counted(cell?.n ?? 0, what)}`;
              const style = {
                height: 18,
                borderRadius: 2,
                background: heatFill(cell?.n ?? 0, max),
                outline: '1px solid var(--mantine-color-default-border)',
              };
              return cell ? (
                <Anchor
                  key={h}
                  component={Link}
                  to={cellPath(cell.latestHour, data.scope, data.actorId, clock)}
                  aria-label={`${words}; open the latest such hour, ${clock.dateTimeShort(cell.latestHour)}`}
                  title={words}
                  data-testid="heat-cell"
                  style={style}
                />
              ) : (
                <Box key={h} title={words} style={style} />
              );
            })}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** Staff actions per office day, one row per staff member; each day links to their entries. */
function StaffDays({ data }: { data: InsightsActivity }) {
  if (data.staff.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No staff actions in this range.
      </Text>
    );
  }
  const max = Math.max(0, ...data.staff.flatMap((s) => s.days.map((d) => d.n)));
  const first = data.days[0];
  const last = data.days.at(-1);
  return (
    <Stack gap={4} data-testid="staff-days">
      {first && last && (
        <Text size="xs" c="dimmed">
          {first === last ? first : `${first} to ${last}`}, one square per office day
        </Text>
      )}
      {data.staff.map((s) => {
        const byDay = new Map(s.days.map((d) => [d.day, d.n]));
        return (
          <Group key={s.id} gap="xs" wrap="nowrap" align="center" data-testid="staff-row">
            <Text size="sm" w={150} truncate title={s.name}>
              {s.name}
            </Text>
            <Text size="xs" c="dimmed" w={90} ta="right">
              {counted(s.total, 'action')}
            </Text>
            <Box
              style={{
                display: 'grid',
                gridTemplateColumns: `repeat(${String(data.days.length)}, minmax(3px, 14px))`,
                gap: 1,
                flex: 1,
                minWidth: 0,
              }}
            >
              {data.days.map((day) => {
                const n = byDay.get(day) ?? 0;
                const words = `${s.name}, ${day}: ${counted(n, 'action')}`;
                const style = {
                  height: 16,
                  borderRadius: 2,
                  background: heatFill(n, max, 'teal'),
                  outline: '1px solid var(--mantine-color-default-border)',
                };
                return n > 0 ? (
                  <Anchor
                    key={day}
                    component={Link}
                    to={staffDayPath(s.id, day)}
                    aria-label={words}
                    title={words}
                    style={style}
                  />
                ) : (
                  <Box key={day} title={words} style={style} />
                );
              })}
            </Box>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Who works when, and staff actions per day, from the log's hourly counts. */
export function ActivityInsights({ range }: { range: RangeInput }) {
  const clock = useOfficeClock();
  const [scope, setScope] = useState<'staff' | 'all'>('staff');
  const [actor, setActor] = useState<string | null>(null);
  const q = useApiQuery('insights.activity', {
    ...range,
    scope,
    ...(actor ? { actorId: Number(actor) } : {}),
  });
  const staffOptions = (q.data?.staff ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  const total = (q.data?.cells ?? []).reduce((n, c) => n + c.n, 0);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Title order={2} size="h4">
              Who works when
            </Title>
            <Text size="xs" c="dimmed">
              Entries per weekday and hour of the office day ({clock.zone}); a square opens the
              latest such hour in the Activity Log.
            </Text>
          </Stack>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={scope}
              onChange={(v) => setScope(v === 'all' ? 'all' : 'staff')}
              data={SCOPES}
              aria-label="What to count"
            />
            <Select
              size="xs"
              placeholder="Every staff member"
              aria-label="Staff member"
              clearable
              data={staffOptions}
              value={actor}
              onChange={setActor}
              w={190}
            />
          </Group>
        </Group>
        {q.isPending ? (
          <LoadingState label="Loading activity…" />
        ) : q.isError ? (
          <ErrorState
            title="Could not load the activity insights"
            error={q.error}
            onRetry={() => void q.refetch()}
          />
        ) : (
          <>
            <Text size="sm" data-testid="activity-total">
              {`${counted(total, q.data.scope === 'staff' ? 'staff action' : 'entry')} from ${clock.dateTimeShort(q.data.from)} to ${clock.dateTimeShort(q.data.to)} (${clock.zone})`}
            </Text>
            <WeekHeatmap data={q.data} />
            <Title order={3} size="h5" mt="sm">
              Staff actions per day
            </Title>
            <StaffDays data={q.data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
