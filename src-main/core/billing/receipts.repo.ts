import { eq } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { receipts } from '../db/schema';
import type { Counters } from '../shared/counters';

export type ReceiptRecord = typeof receipts.$inferSelect;

const RECEIPT_COUNTER = 'receipt';

/** Receipt numbers come from one counter advanced in the caller's transaction: no gaps. */
export const createReceiptsRepo = (orm: Orm, counters: Counters) => ({
  issue: (r: Omit<ReceiptRecord, 'number'>): number => {
    const number = counters.next(RECEIPT_COUNTER);
    orm
      .insert(receipts)
      .values({ ...r, number })
      .run();
    return number;
  },

  byNumber: (n: number): ReceiptRecord | undefined =>
    orm.select().from(receipts).where(eq(receipts.number, n)).get(),
});

export type ReceiptsRepo = ReturnType<typeof createReceiptsRepo>;

export const receiptCode = (n: number): string => `R-${String(n).padStart(6, '0')}`;
