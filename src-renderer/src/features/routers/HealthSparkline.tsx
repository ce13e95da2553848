import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { HealthSample } from '@contract/schemas/routers';
import { formatPct } from './router-labels';
import { sparklineSegments } from './sparkline';
import { counted } from '@domain/plural';

const W = 320;
const H = 60;
const SERIES = [
  { key: 'cpuLoad', label: 'CPU', color: 'var(--mantine-color-blue-6)' },
  { key: 'memoryUsedPct', label: 'Memory', color: 'var(--mantine-color-grape-6)' },
] as const;

/** CPU and memory over the kept history, as two small lines. */
export function HealthSparkline({ samples }: { samples: HealthSample[] }) {
  const last = samples.at(-1);
  const failed = samples.filter((s) => !s.ok).length;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Health history">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Health history
        </Title>
        {samples.length === 0 ? (
          <Text size="sm" c="dimmed">
            No health samples yet.
          </Text>
        ) : (
          <>
            <svg
              role="img"
              aria-label={`CPU and memory over ${counted(samples.length, 'sample')}; latest CPU ${formatPct(last?.cpuLoad ?? null)}, memory ${formatPct(last?.memoryUsedPct ?? null)}`}
              viewBox={`0 0 ${String(W)} ${String(H)}`}
              width="100%"
              height={H}
              preserveAspectRatio="none"
            >
              {SERIES.map((series) =>
                sparklineSegments(
                  samples.map((s) => s[series.key]),
                  W,
                  H,
                ).map((points, i) => (
                  <polyline
                    key={`${series.key}-${String(i)}`}
                    points={points}
                    fill="none"
                    stroke={series.color}
                    strokeWidth={1.5}
                    vectorEffect="non-scaling-stroke"
                  />
                )),
              )}
            </svg>
            <Group gap="md">
              {SERIES.map((series) => (
                <Text key={series.key} size="xs" style={{ color: series.color }}>
                  ● {series.label} {formatPct(last?.[series.key] ?? null)}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {counted(samples.length, 'sample')}, {counted(failed, 'failed poll')}
              </Text>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
