import type Database from 'better-sqlite3';
import type { Counters } from '../shared/counters';

export type ReceiptRow = {
  number: number;
  entry_id: number;
  client_id: number;
  account_no: string;
  client_name: string;
  issued_at: number;
  currency_code: string;
  minor_unit_digits: number;
  balance_after: number;
};

export const RECEIPT_COUNTER = 'receipt';

/** Receipt numbers come from one counter advanced in the caller's transaction: no gaps. */
export const createReceiptsRepo = (sqlite: Database.Database, counters: Counters) => {
  const insert = sqlite.prepare(
    `INSERT INTO receipts (number, entry_id, client_id, account_no, client_name, issued_at,
       currency_code, minor_unit_digits, balance_after)
     VALUES (@number, @entry_id, @client_id, @account_no, @client_name, @issued_at,
       @currency_code, @minor_unit_digits, @balance_after)`,
  );
  const byNumber = sqlite.prepare<[number], ReceiptRow>('SELECT * FROM receipts WHERE number = ?');
  return {
    issue: (r: Omit<ReceiptRow, 'number'>): number => {
      const number = counters.next(RECEIPT_COUNTER);
      insert.run({ ...r, number });
      return number;
    },
    byNumber: (n: number): ReceiptRow | undefined => byNumber.get(n),
  };
};

export type ReceiptsRepo = ReturnType<typeof createReceiptsRepo>;

export const receiptCode = (n: number): string => `R-${String(n).padStart(6, '0')}`;
