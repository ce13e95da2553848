import type { LedgerEntry, MoneyResult, Receipt, Renewal } from '../../contract/schemas/billing';
import type { EventCode, EventParams } from '../activity/event-catalog';
import type { ClientWithPlan } from '../clients/clients.repo';
import { toClient } from '../clients/client-view';
import type { BillingDeps, Ctx } from './billing-deps';
import { clientTarget, entryStamp, loadClient } from './billing-steps';
import type { NewEntry } from './ledger.repo';
import { renewInTransaction } from './renewals';

/** What an operation states of its entry; who, when, for whom and the action come from `ctx`. */
type EntryFields = Pick<NewEntry, 'kind' | 'amount'> &
  Partial<Pick<NewEntry, 'method' | 'reference' | 'reason' | 'relatesTo'>>;

/** What was made, for the log line: the entry, and the client before and after it. */
export type Made = {
  entry: LedgerEntry;
  before: ClientWithPlan;
  after: ClientWithPlan;
  renewal: Renewal | null;
};

type LogLine<E extends EventCode> = {
  event: E;
  params: EventParams<E>;
  details: Record<string, unknown>;
};

/** One money operation, as loaded and checked inside its transaction. */
export type Movement<E extends EventCode> = {
  client: ClientWithPlan;
  entry: EntryFields;
  /** Also renew one period of the client's plan (a payment that reactivates). */
  renew?: boolean;
} & (
  | { receipt: true; log: (made: Made & { receipt: number }) => LogLine<E> }
  | { receipt?: false; log: (made: Made) => LogLine<E> }
);

/**
 * The shape every money operation shares: load and check (`plan`), write the entry (and the
 * renewal, and the receipt), record the log line, return what was made; all in one transaction,
 * so that the change and its log entry commit together or not at all.
 */
export const createMoneyMovement =
  (deps: BillingDeps, receiptOf: (number: number) => Receipt) =>
  <E extends EventCode>(ctx: Ctx, plan: () => Movement<E>): MoneyResult =>
    deps.write(() => {
      const m = plan();
      const before = m.client;
      const now = deps.clock.now();
      const entry = deps.ledger.insert({ ...entryStamp(before, ctx, now), ...m.entry });
      const renewal = m.renew ? renewInTransaction(deps, before, 1, ctx).renewal : null;
      const after = loadClient(deps, before.id);
      const made: Made = { entry, before, after, renewal };
      let receipt: number | null = null;
      let line: LogLine<E>;
      if (m.receipt) {
        const s = deps.settings.get();
        receipt = deps.receipts.issue({
          entryId: entry.id,
          clientId: before.id,
          accountNo: before.accountNo,
          clientName: before.fullName,
          issuedAt: now,
          currencyCode: s.currencyCode,
          minorUnitDigits: s.minorUnitDigits,
          balanceAfter: after.balance,
        });
        made.entry = { ...entry, receiptNumber: receipt };
        line = m.log({ ...made, receipt });
      } else {
        line = m.log(made);
      }
      deps.recorder.record({ ...line, ctx, target: clientTarget(before), clientId: before.id });
      return {
        entry: made.entry,
        receipt: receipt === null ? null : receiptOf(receipt),
        client: toClient(after),
        renewal,
      };
    });
