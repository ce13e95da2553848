import { Box, Text } from '@mantine/core';
import { formatAmount } from '@domain/money';
import { compactNumber, niceTicks } from '../../components/charts/chart-scale';

export type ChartBar = { label: string; value: number };

const W = 720;
const PAD = { top: 12, right: 8, bottom: 28, left: 52 };

/** Picks ~8 evenly spaced labels so that long day ranges stay readable. */
const labelEvery = (n: number): number => Math.max(1, Math.ceil(n / 8));

/**
 * A plain SVG bar chart of net income per period (no chart library), with a y-axis in the
 * currency's major units. Negative nets (refunds exceeding takings) hang below the zero line.
 * The numbers are in the table beside it too.
 */
export function IncomeChart({
  bars,
  digits,
  label,
  height = 220,
}: {
  bars: ChartBar[];
  digits: number;
  label: string;
  height?: number;
}) {
  if (bars.length === 0) return null;
  const H = height;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const unit = 10 ** digits;
  const ticks = niceTicks(min / unit, max / unit, H < 160 ? 2 : 4).map((t) => t * unit);
  const top = ticks.at(-1) ?? max;
  const bottom = ticks[0] ?? min;
  const span = top - bottom || 1;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((top - v) / span) * plotH;
  const zero = y(0);
  const slot = (W - PAD.left - PAD.right) / bars.length;
  const barW = Math.max(1, slot * 0.7);
  const every = labelEvery(bars.length);

  return (
    <Box>
      <svg
        viewBox={`0 0 ${String(W)} ${String(H)}`}
        width="100%"
        role="img"
        aria-label={label}
        style={{ maxHeight: H + 40, display: 'block' }}
      >
        <title>{label}</title>
        <g data-testid="y-axis">
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(t)}
                y2={y(t)}
                stroke="currentColor"
                strokeOpacity={0.12}
              />
              <text
                x={PAD.left - 6}
                y={y(t) + 4}
                textAnchor="end"
                fontSize={11}
                fill="currentColor"
                fillOpacity={0.7}
              >
                {compactNumber(t / unit)}
              </text>
            </g>
          ))}
        </g>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={zero}
          y2={zero}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        {bars.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const barTop = Math.min(y(b.value), zero);
          const barHeight = Math.abs(y(b.value) - zero);
          return (
            <g key={b.label}>
              <rect
                x={x}
                y={barTop}
                width={barW}
                height={Math.max(barHeight, b.value === 0 ? 0 : 1)}
                fill={b.value < 0 ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-blue-6)'}
                data-period={b.label}
                data-value={b.value}
              >
                <title>{`${b.label}: ${formatAmount(b.value, digits)}`}</title>
              </rect>
              {i % every === 0 && (
                <text
                  x={x + barW / 2}
                  y={H - 8}
                  textAnchor="middle"
                  fontSize={11}
                  fill="currentColor"
                  fillOpacity={0.7}
                >
                  {b.label.length > 7 ? b.label.slice(5) : b.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dimmed">
        {`Highest ${formatAmount(max, digits)}${min < 0 ? `, lowest ${formatAmount(min, digits)}` : ''}`}
      </Text>
    </Box>
  );
}
