/** RouterOS value formats (reference §3): everything the API returns is a string in these forms. */

export type DateStyle = 'legacy' | 'iso';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** `1w2d3h4m5s`: whole seconds, zero units left out, zero is `0s`. */
export const fmtDuration = (ms: number): string => {
  const units: [string, number][] = [
    ['w', 604_800],
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  let rest = Math.max(0, Math.floor(ms / 1000));
  let out = '';
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out += `${n}${unit}`;
  }
  return out === '' ? '0s' : out;
};

/** `feb/05/2024 13:47:44` up to 7.9, `2024-02-05 13:47:44` from 7.10 (UTC as router time). */
export const fmtDate = (epochMs: number, style: DateStyle): string => {
  const d = new Date(epochMs);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (style === 'iso') {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}`;
  }
  return `${MONTHS[d.getUTCMonth()] ?? 'jan'}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${time}`;
};

/** v6 `build-time` capitalises the month: `Feb/11/2015 13:24:13`. */
export const fmtBuildTime = (epochMs: number, style: DateStyle): string => {
  const s = fmtDate(epochMs, style);
  return style === 'iso' ? s : s.charAt(0).toUpperCase() + s.slice(1);
};

export const fmtId = (n: number): string => `*${n.toString(16).toUpperCase()}`;

export const parseId = (id: string): number | null =>
  /^\*[0-9A-Fa-f]{1,8}$/.test(id) ? parseInt(id.slice(1), 16) : null;

/**
 * Durations as accepted on input: `1w2d3h4m5s`, `30m`, plain seconds, `hh:mm:ss`, `1d02:03:04`.
 * Returns milliseconds, or null when the text is not a duration.
 */
export const parseDuration = (text: string): number | null => {
  const clock = /^(?:(\d+)d)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (clock) {
    const [, d = '0', h = '0', m = '0', s = '0'] = clock;
    return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
  }
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const re = /(\d+)(ms|w|d|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1]);
    const unit = m[2];
    const size =
      unit === 'w'
        ? 604_800_000
        : unit === 'd'
          ? 86_400_000
          : unit === 'h'
            ? 3_600_000
            : unit === 'm'
              ? 60_000
              : unit === 's'
                ? 1000
                : 1;
    total += n * size;
    consumed = re.lastIndex;
  }
  return consumed === text.length && text.length > 0 ? total : null;
};

/** A rate with optional k/M/G suffix (10^3, 10^6, 10^9) → integer bits per second. */
export const parseRate = (text: string): number | null => {
  const m = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(text.trim());
  if (!m) return null;
  const mult = m[2] === 'G' ? 1e9 : m[2] === 'M' ? 1e6 : m[2] === 'k' || m[2] === 'K' ? 1e3 : 1;
  return Math.round(Number(m[1]) * mult);
};

/** `10M/20M` → `10000000/20000000`; a single value applies to both directions. */
export const parseRatePair = (text: string): [number, number] | null => {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const up = parseRate(parts[0] ?? '');
  const down = parseRate(parts[1] ?? parts[0] ?? '');
  return up === null || down === null ? null : [up, down];
};

export const parseBool = (text: string): boolean | null => {
  if (text === 'yes' || text === 'true') return true;
  if (text === 'no' || text === 'false') return false;
  return null;
};

export const parseIpv4 = (text: string): number | null => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
};

export const fmtIpv4 = (n: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** `a.b.c.d[/n]` → `[address, prefix]`; host bits are kept. */
export const parsePrefix = (text: string): [number, number] | null => {
  const [ip = '', len, ...extra] = text.split('/');
  if (extra.length > 0) return null;
  const addr = parseIpv4(ip);
  if (addr === null) return null;
  if (len === undefined) return [addr, 32];
  if (!/^\d{1,2}$/.test(len) || Number(len) > 32) return null;
  return [addr, Number(len)];
};

/** Clears host bits: `203.0.113.77/24` → `203.0.113.0/24`. */
export const networkOf = (addr: number, len: number): number => {
  const size = 2 ** (32 - len);
  return Math.floor(addr / size) * size;
};

export const fmtMac = (bytes: readonly number[]): string =>
  bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');

export const isMac = (text: string): boolean => /^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(text);
