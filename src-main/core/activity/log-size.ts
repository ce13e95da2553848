import type { Sqlite } from '../db/open-database';

/** How many entries the activity log holds (a full count: for small logs, e.g. a seeded demo). */
export const countLogEntries = (sqlite: Sqlite): number =>
  sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM activity_log').get()?.n ?? 0;
