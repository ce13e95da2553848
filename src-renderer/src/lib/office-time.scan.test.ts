import { describe, expect, it } from 'vitest';

/**
 * Every time on screen goes through `lib/office-time.ts` (the office's zone). This scan fails when
 * a component formats or reads a time any other way: in the browser's zone (`toLocale…`, `getHours`,
 * `new Date(y, m, d)`), or with its own date-fns / dayjs / Intl formatting.
 */
/** Every renderer source file (tests and test utilities aside), by path from `src/`. */
const SOURCES = import.meta.glob<string>(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test-utils/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);
const OWNER = './office-time.ts';

/** date-fns functions that do not depend on a zone (distances and arithmetic on instants). */
const ZONE_FREE = /^(formatDistance\w*|differenceIn\w+|add\w+|sub\w+|is(Before|After|Valid))$/;

const FORBIDDEN: [RegExp, string][] = [
  [/\.toLocale(String|DateString|TimeString)\(/, 'toLocale…() uses the browser zone'],
  [/\.to(Date|Time)String\(/, 'toDateString/toTimeString use the browser zone'],
  [/new Date\([^)]*\)\.toString\(/, 'Date#toString uses the browser zone'],
  [/\.get(FullYear|Month|Date|Day|Hours|Minutes)\(\)/, 'Date getters read the browser zone'],
  [/new Date\(\s*[^),]+,[^)]*\)/, 'new Date(y, m, d) builds a time in the browser zone'],
  [/Intl\.DateTimeFormat/, 'Intl.DateTimeFormat outside the office helper'],
  [/from 'dayjs'/, 'dayjs formatting outside the office helper'],
  [/from '@date-fns\/tz'/, 'zones belong to the office helper'],
  [/type="date"/, "a native date field shows the browser's format: use OfficeDayInput"],
];

/** Problems in one file's text; tested below so the scan itself can fail. */
function timeFormattingProblems(text: string): string[] {
  const problems = FORBIDDEN.filter(([re]) => re.test(text)).map(([, why]) => why);
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from 'date-fns'/g)) {
    const names = (m[1] ?? '').split(',').map((n) => n.trim().replace(/^type\s+/, ''));
    const zoned = names.filter((n) => n && !ZONE_FREE.test(n));
    if (zoned.length) problems.push(`date-fns ${zoned.join(', ')} formats in the browser zone`);
  }
  return problems;
}

describe('time formatting in the renderer', () => {
  it('happens only in lib/office-time.ts, in the office zone', () => {
    const files = Object.keys(SOURCES);
    expect(files).toContain('../features/activity/ActivityTable.tsx');
    const found = Object.entries(SOURCES)
      .filter(([file]) => file !== OWNER)
      .flatMap(([file, text]) => timeFormattingProblems(text).map((p) => `${file}: ${p}`));
    expect(found).toEqual([]);
  });

  it('catches the ways a component could show a browser-zone time', () => {
    expect(timeFormattingProblems('x.toLocaleString()')).toHaveLength(1);
    expect(timeFormattingProblems('<TextInput type="date" />')).toHaveLength(1);
    expect(timeFormattingProblems('new Date(ms).getHours()')).toHaveLength(1);
    expect(timeFormattingProblems('new Date(2025, 0, 1)')).toHaveLength(1);
    expect(timeFormattingProblems("import { format } from 'date-fns';")).toHaveLength(1);
    expect(timeFormattingProblems("import { formatDistanceStrict } from 'date-fns';")).toEqual([]);
    expect(timeFormattingProblems('new Date(entry.ts).toISOString()')).toEqual([]);
  });
});
