import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { HealthBucket, RouterHealthHistory } from '@contract/schemas/routers';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { counted, per } from '@domain/plural';
import { formatNumber } from '../../lib/format';
import { OfficeGate } from '../settings/OfficeGate';
import { useOffice } from '../settings/office-context';
import { sparklineSegments } from './sparkline';

const HOUR = 3_600_000;
const RANGES = [
  { value: '24h', label: '24 hours', ms: 24 * HOUR },
  { value: '7d', label: '7 days', ms: 7 * 24 * HOUR },
  { value: '30d', label: '30 days', ms: 30 * 24 * HOUR },
  { value: '180d', label: '180 days', ms: 180 * 24 * HOUR },
] as const;
type RangeValue = (typeof RANGES)[number]['value'];
const POINTS = 240;

/** `per 6 min`, `per 90 min`, `per hour`, `per 18 hours`: what one point of the charts averages. */
const perBucket = (ms: number): string => {
  const min = Math.round(ms / 60_000);
  return min >= 60 && min % 60 === 0 ? per(min / 60, 'hour') : `per ${formatNumber(min)} min`;
};
const W = 480;
const H = 56;

type Series = {
  label: string;
  unit: string;
  color: string;
  avg: (b: HealthBucket) => number | null;
  max: (b: HealthBucket) => number | null;
  /** Percentages are drawn on 0–100; other series on 0–their highest value. */
  percent: boolean;
};

const SERIES: Series[] = [
  {
    label: 'CPU',
    unit: '%',
    color: 'blue',
    avg: (b) => b.cpuAvg,
    max: (b) => b.cpuMax,
    percent: true,
  },
  {
    label: 'Memory',
    unit: '%',
    color: 'grape',
    avg: (b) => b.memoryAvg,
    max: (b) => b.memoryMax,
    percent: true,
  },
  {
    label: 'Latency',
    unit: ' ms',
    color: 'orange',
    avg: (b) => b.latencyAvg,
    max: (b) => b.latencyMax,
    percent: false,
  },
  {
    label: 'Sessions',
    unit: '',
    color: 'teal',
    avg: (b) => b.sessionsAvg,
    max: (b) => b.sessionsMax,
    percent: false,
  },
];

/** One series over the range: a line of bucket averages, with the range's peak beside it. */
function SeriesChart({ series, history }: { series: Series; history: RouterHealthHistory }) {
  const slots = Math.max(1, Math.ceil((history.to - history.from) / history.bucketMs));
  const values: (number | null)[] = Array.from({ length: slots }, () => null);
  for (const b of history.buckets) {
    const i = Math.floor((b.from - history.from) / history.bucketMs);
    if (i >= 0 && i < slots) values[i] = series.avg(b);
  }
  const peaks = history.buckets.map(series.max).filter((v): v is number => v !== null);
  const peak = peaks.length > 0 ? Math.max(...peaks) : null;
  const top = series.percent ? 100 : Math.max(1, peak ?? 1);
  const scaled = values.map((v) => (v === null ? null : (v / top) * 100));
  const color = `var(--mantine-color-${series.color}-6)`;
  const outageX = history.outages.map((o) => ({
    x: ((o.from - history.from) / (history.to - history.from)) * W,
    w: Math.max(2, (((o.to ?? history.to) - o.from) / (history.to - history.from)) * W),
  }));
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={600} style={{ color }}>
          {series.label}
        </Text>
        <Text size="xs" c="dimmed" data-testid={`peak-${series.label}`}>
          {peak === null ? 'no data' : `peak ${formatNumber(peak)}${series.unit}`}
        </Text>
      </Group>
      <svg
        role="img"
        aria-label={`${series.label} over the range${peak === null ? '' : `, peak ${formatNumber(peak)}${series.unit}`}`}
        viewBox={`0 0 ${String(W)} ${String(H)}`}
        width="100%"
        height={H}
        preserveAspectRatio="none"
      >
        {outageX.map((o, i) => (
          <rect
            key={i}
            x={o.x}
            y={0}
            width={o.w}
            height={H}
            fill="var(--mantine-color-red-6)"
            fillOpacity={0.15}
            data-outage
          />
        ))}
        {sparklineSegments(scaled, W, H).map((points, i) => (
          <polyline
            key={i}
            points={points}
            fill="none"
            stroke={color}
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
    </Stack>
  );
}

function Outages({ history }: { history: RouterHealthHistory }) {
  const { dateTime } = useOffice();
  if (history.outages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No outage in this range.
      </Text>
    );
  }
  return (
    <Stack gap={2} aria-label="Outages">
      {history.outages.map((o) => (
        <Text size="sm" key={o.from}>
          <Text span c="red" fw={600}>
            Outage
          </Text>
          {` ${dateTime(o.from)} to ${o.to === null ? 'now (still not answering)' : dateTime(o.to)}`}
        </Text>
      ))}
    </Stack>
  );
}

function HistoryBody({
  routerId,
  range,
}: {
  routerId: number;
  range: { from: number; to: number };
}) {
  const history = useApiQuery('routers.healthHistory', { id: routerId, ...range, points: POINTS });
  const { dateTime } = useOffice();
  if (history.isPending) return <LoadingState label="Loading the health history…" />;
  if (history.isError) {
    return (
      <ErrorState
        title="Could not load the health history"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const h = history.data;
  const samples = h.buckets.reduce((n, b) => n + b.samples, 0);
  if (samples === 0) {
    return (
      <Text size="sm" c="dimmed">
        No health checks recorded in this range.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed" data-testid="history-summary">
        {`${counted(samples, 'health check')} kept, averaged ${perBucket(h.bucketMs)}`}
        {h.keptSince !== null &&
          `; history kept since ${dateTime(h.keptSince)} (${String(h.keptDays)} days at most)`}
      </Text>
      {SERIES.map((s) => (
        <SeriesChart key={s.label} series={s} history={h} />
      ))}
      <Outages history={h} />
    </Stack>
  );
}

/**
 * The router's stored health (CPU, memory, latency, sessions, outages) over a chosen range, read
 * from the database: it is all there after a restart.
 */
export function HealthHistory({
  routerId,
  now = Date.now,
}: {
  routerId: number;
  now?: () => number;
}) {
  const [value, setValue] = useState<RangeValue>('24h');
  const [range, setRange] = useState(() => ({ from: now() - 24 * HOUR, to: now() }));
  const choose = (v: string) => {
    const r = RANGES.find((x) => x.value === v);
    if (!r) return;
    const to = now();
    setValue(r.value);
    setRange({ from: to - r.ms, to });
  };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Health history">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Health history
          </Title>
          <SegmentedControl
            size="xs"
            aria-label="Range"
            value={value}
            onChange={choose}
            data={RANGES.map((r) => ({ value: r.value, label: r.label }))}
          />
        </Group>
        <OfficeGate>
          <HistoryBody routerId={routerId} range={range} />
        </OfficeGate>
      </Stack>
    </Paper>
  );
}
