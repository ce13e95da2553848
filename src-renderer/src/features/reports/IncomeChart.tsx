import { Box, Text } from '@mantine/core';
import { formatAmount } from '@domain/money';

export type ChartBar = { label: string; value: number };

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 8 };

/** Picks ~8 evenly spaced labels so that long day ranges stay readable. */
const labelEvery = (n: number): number => Math.max(1, Math.ceil(n / 8));

/**
 * A plain SVG bar chart of net income per period (no chart library). Negative nets (refunds
 * exceeding takings) hang below the zero line. The numbers are in the table beside it too.
 */
export function IncomeChart({
  bars,
  digits,
  label,
}: {
  bars: ChartBar[];
  digits: number;
  label: string;
}) {
  if (bars.length === 0) return null;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const span = max - min || 1;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((max - v) / span) * plotH;
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
        style={{ maxHeight: 260, display: 'block' }}
      >
        <title>{label}</title>
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
          const top = Math.min(y(b.value), zero);
          const height = Math.abs(y(b.value) - zero);
          return (
            <g key={b.label}>
              <rect
                x={x}
                y={top}
                width={barW}
                height={Math.max(height, b.value === 0 ? 0 : 1)}
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
