import { Box, Button, ColorSwatch, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { ActivityHistogram as Histogram } from '@contract/schemas/activity';
import { ACTIVITY_TYPES } from '@contract/schemas/activity';
import type { ApiError } from '../../api/api-error';
import { errorMessage } from '../../api/api-error';
import { formatNumber } from '../../lib/format';
import { TYPE_COLORS, TYPE_LABELS } from './activity-labels';
import { bucketLabel, dragToRange, fractionAt, histogramLayout } from './histogram';
import { useOfficeClock } from '../../lib/office-clock-context';

const VIEW_W = 1000;
const VIEW_H = 100;
const fill = (color: string) => `var(--mantine-color-${color}-6)`;

export type ActivityHistogramProps = {
  data: Histogram | undefined;
  isPending: boolean;
  /** True while a newer filter's counts are loading (the old ones stay on screen, dimmed). */
  isStale: boolean;
  error: ApiError | null;
  onRetry: () => void;
  /** A drag (or click) across the chart: zoom the date filter to this range (epoch ms). */
  onZoom: (from: number, to: number) => void;
};

/** Events over time, stacked by type, above the results; drag across it to zoom the date range. */
export function ActivityHistogram(props: ActivityHistogramProps) {
  const { data, isPending, error } = props;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Events over time">
      {isPending ? (
        <Skeleton height={VIEW_H + 24} aria-label="Loading the histogram" role="status" />
      ) : !data ? (
        <Group justify="space-between" mih={60}>
          <Text size="sm" c="red">
            {`Could not load the histogram: ${errorMessage(error)}`}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
            Retry histogram
          </Button>
        </Group>
      ) : (
        <HistogramChart
          data={data}
          isStale={props.isStale}
          onZoom={props.onZoom}
          hasError={error !== null}
        />
      )}
    </Paper>
  );
}

function HistogramChart({
  data,
  isStale,
  hasError,
  onZoom,
}: {
  data: Histogram;
  isStale: boolean;
  hasError: boolean;
  onZoom: (from: number, to: number) => void;
}) {
  const clock = useOfficeClock();
  const { bars, max } = histogramLayout(data);
  const total = bars.reduce((sum, b) => sum + (b.total ?? 0), 0);
  const drag = useHistogramDrag((a, b) => {
    const range = dragToRange(data, a, b);
    if (range) onZoom(range.from, range.to);
  });
  const summary =
    `${formatNumber(total)}${data.exact ? '' : '+'} entries from ${clock.dateTimeShort(data.from)} ` +
    `to ${clock.dateTimeShort(data.to)}, ${bucketLabel(data.bucketMs)}`;

  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="sm" aria-label="Legend">
          {ACTIVITY_TYPES.map((type) => (
            <Group key={type} gap={4} wrap="nowrap">
              <ColorSwatch color={fill(TYPE_COLORS[type])} size={10} withShadow={false} />
              <Text size="xs">{TYPE_LABELS[type]}</Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {data.exact ? summary : `${summary} (partial counts)`}
          {hasError ? ' — could not refresh' : ''}
        </Text>
      </Group>
      <Box
        pos="relative"
        style={{ cursor: 'crosshair', touchAction: 'none', opacity: isStale ? 0.6 : 1 }}
      >
        <svg
          role="img"
          aria-label={`Histogram: ${summary}. Drag across it to zoom into a time range.`}
          data-testid="activity-histogram"
          viewBox={`0 0 ${String(VIEW_W)} ${String(VIEW_H)}`}
          preserveAspectRatio="none"
          width="100%"
          height={VIEW_H}
          style={{ display: 'block', userSelect: 'none' }}
          onPointerDown={drag.onPointerDown}
        >
          {bars.map((bar) => {
            const x = bar.x * VIEW_W;
            const w = Math.max(bar.width * VIEW_W * 0.85, 0.5);
            const label =
              bar.total === null
                ? `${clock.dateTimeShort(bar.start)}: not counted (time budget ran out)`
                : `${clock.dateTimeShort(bar.start)}: ${formatNumber(bar.total)} ${bar.total === 1 ? 'entry' : 'entries'}`;
            return (
              <g key={bar.start} data-bucket-start={bar.start}>
                <title>{label}</title>
                {/* A transparent full-height target, so that thin bars are easy to point at. */}
                <rect x={x} y={0} width={bar.width * VIEW_W} height={VIEW_H} fill="transparent" />
                {bar.total === null ? (
                  <rect
                    x={x}
                    y={0}
                    width={w}
                    height={VIEW_H}
                    fill="var(--mantine-color-gray-2)"
                    strokeDasharray="4 3"
                    stroke="var(--mantine-color-gray-5)"
                    vectorEffect="non-scaling-stroke"
                  />
                ) : (
                  bar.segments.map((s) => (
                    <rect
                      key={s.type}
                      x={x}
                      y={s.y * VIEW_H}
                      width={w}
                      height={s.height * VIEW_H}
                      fill={fill(TYPE_COLORS[s.type])}
                    />
                  ))
                )}
              </g>
            );
          })}
          {drag.selection && (
            <rect
              data-testid="histogram-selection"
              x={Math.min(...drag.selection) * VIEW_W}
              y={0}
              width={Math.abs(drag.selection[1] - drag.selection[0]) * VIEW_W}
              height={VIEW_H}
              fill="var(--mantine-primary-color-filled)"
              fillOpacity={0.2}
            />
          )}
        </svg>
        {max === 0 && (
          <Text
            size="sm"
            c="dimmed"
            pos="absolute"
            top="40%"
            w="100%"
            ta="center"
            style={{ pointerEvents: 'none' }}
          >
            No entries in this time range.
          </Text>
        )}
      </Box>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {clock.dateTimeShort(data.from)}
        </Text>
        <Text size="xs" c="dimmed">
          Drag across the chart to zoom in
        </Text>
        <Text size="xs" c="dimmed">
          {clock.dateTimeShort(data.to)}
        </Text>
      </Group>
    </Stack>
  );
}

/**
 * Pointer dragging across the chart: the selection follows the pointer (also outside the chart,
 * through window listeners) and `onDone(startFraction, endFraction)` runs on release.
 */
function useHistogramDrag(onDone: (a: number, b: number) => void) {
  const [selection, setSelection] = useState<[number, number] | null>(null);
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const svg = event.currentTarget;
    const at = (clientX: number) => fractionAt(clientX, svg.getBoundingClientRect());
    const start = at(event.clientX);
    let end = start;
    setSelection([start, end]);
    const move = (e: PointerEvent) => {
      end = at(e.clientX);
      setSelection([start, end]);
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      cleanup.current = null;
      setSelection(null);
    };
    const up = (e: PointerEvent) => {
      end = at(e.clientX);
      stop();
      onDone(start, end);
    };
    const cancel = () => stop();
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    cleanup.current = stop;
  };

  return { selection, onPointerDown };
}
