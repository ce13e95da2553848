import type { Sqlite } from '../db/open-database';

/** Repository of `alert_known_sources`: the addresses each staff member signed in from. */
export const createKnownSourcesRepo = (sqlite: Sqlite) => {
  const lastSeen = sqlite
    .prepare<[number, string], number>(
      'SELECT last_seen FROM alert_known_sources WHERE staff_id = ? AND address = ?',
    )
    .pluck();
  const firstSeen = sqlite
    .prepare<[number], number | null>(
      'SELECT min(first_seen) FROM alert_known_sources WHERE staff_id = ?',
    )
    .pluck();
  const seen = sqlite.prepare<[number, string, number, number]>(
    `INSERT INTO alert_known_sources (staff_id, address, first_seen, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, address) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`,
  );
  return {
    /** When this staff member last signed in from `address`; undefined if never. */
    lastSeen: (staffId: number, address: string): number | undefined =>
      lastSeen.get(staffId, address),
    /** Their first sign-in seen by the rules: the start of their learning period. */
    firstSeen: (staffId: number): number | null => firstSeen.get(staffId) ?? null,
    seen: (staffId: number, address: string, at: number): void => {
      seen.run(staffId, address, at, at);
    },
  };
};

export type KnownSourcesRepo = ReturnType<typeof createKnownSourcesRepo>;
