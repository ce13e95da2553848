/**
 * Repository of the `counters` table (named sequences): all SQL on it lives here. `next` must
 * run inside the write transaction that uses the number: if that transaction rolls back, so does
 * the increment, and no number is lost.
 */
import { eq, sql } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { counters } from '../db/schema';

export const createCounters = (orm: Orm) => ({
  next: (name: string): number => {
    if (!orm.$client.inTransaction) {
      throw new Error(`counter ${name} advanced outside a transaction`);
    }
    const row = orm
      .insert(counters)
      .values({ name, value: 1 })
      .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
      .returning({ value: counters.value })
      .get();
    return row.value;
  },
  current: (name: string): number =>
    orm.select({ value: counters.value }).from(counters).where(eq(counters.name, name)).get()
      ?.value ?? 0,
});

export type Counters = ReturnType<typeof createCounters>;
