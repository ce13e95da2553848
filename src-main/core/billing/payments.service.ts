import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import {
  MAX_PAYMENT_DAYS,
  type PaymentFilter,
  type PaymentList,
  type PaymentRow,
} from '../../contract/schemas/payments';
import { csvRow } from '../../domain/csv-cells';
import { currencyOf, minorToInput } from '../../domain/money';
import type { OpenSink } from '../activity/activity.service';
import type { Recorder } from '../activity/recorder';
import { fieldError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { daysRange } from '../shared/office-time';
import type { SettingsService } from '../settings/settings.service';
import type { LedgerRepo, PaymentQuery } from './ledger.repo';
import { receiptCode } from './receipts.repo';

const DEFAULT_PAGE = 100;
/** Rows per slice of an export: each slice is one short query, then the event loop breathes. */
const EXPORT_SLICE = 1_000;
const DAY_MS = 86_400_000;

const HEADER = [
  'time',
  'kind',
  'amount',
  'currency',
  'method',
  'reference',
  'receipt',
  'account_no',
  'client',
  'staff',
  'reason',
  'voided',
  'relates_to',
];

/**
 * The Payments screen: every payment, refund and void between two office days, filtered by
 * method, staff member and reference, with totals of everything matched and a CSV export that
 * streams in slices. Reads only; the export is logged.
 */
export const createPaymentsService = (deps: {
  ledger: Pick<LedgerRepo, 'paymentsPage' | 'paymentTotals' | 'paymentStaff'>;
  settings: SettingsService;
  clock: Clock;
  recorder: Recorder;
}) => {
  const query = (f: PaymentFilter): PaymentQuery => {
    const { timeZone } = deps.settings.get();
    const { from, to } = daysRange(f.from, f.to, timeZone);
    if (to - from > (MAX_PAYMENT_DAYS + 1) * DAY_MS) {
      throw fieldError('validation', {
        path: ['filter', 'to'],
        message: `At most ${String(MAX_PAYMENT_DAYS)} days at a time; choose a shorter range.`,
      });
    }
    return { ...f, from, to };
  };

  const totals = (q: PaymentQuery): PaymentList['totals'] => {
    const rows = deps.ledger.paymentTotals(q);
    const sum = (kind: PaymentRow['kind']) => {
      const r = rows.find((x) => x.kind === kind);
      return { count: r?.n ?? 0, amount: Math.abs(r?.total ?? 0) };
    };
    return {
      payments: sum('payment'),
      refunds: sum('refund'),
      voids: sum('void'),
      net: rows.reduce((a, r) => a + r.total, 0),
    };
  };

  return {
    list: (input: { filter: PaymentFilter; cursor?: number; limit?: number }): PaymentList => {
      const q = query(input.filter);
      const limit = input.limit ?? DEFAULT_PAGE;
      const found = deps.ledger.paymentsPage(q, input.cursor, limit + 1);
      const items = found.slice(0, limit);
      const last = items[items.length - 1];
      const s = deps.settings.get();
      return {
        items,
        nextCursor: found.length > limit && last ? last.id : null,
        totals: totals(q),
        timeZone: s.timeZone,
        from: q.from,
        to: q.to,
        currency: currencyOf(s),
        staff: deps.ledger.paymentStaff(q.from, q.to),
      };
    },

    /** The filtered list as CSV, newest first, in the office time zone; then logs the export. */
    exportTo: async (
      input: { filter: PaymentFilter },
      ctx: ServiceContext & { actor: Actor },
      open: OpenSink,
    ): Promise<{ rows: number } | null> => {
      const q = query(input.filter); // a bad filter fails before any file is opened
      const s = deps.settings.get();
      const tz = s.timeZone;
      const iso = (ms: number) => formatDate(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm:ssxxx");
      const sink = await open({
        fileName: `payments-${input.filter.from}-to-${input.filter.to}.csv`,
        contentType: 'text/csv; charset=utf-8',
      });
      if (!sink) return null;
      let rows = 0;
      try {
        await sink.write(csvRow(HEADER));
        let cursor: number | undefined;
        for (;;) {
          const slice = deps.ledger.paymentsPage(q, cursor, EXPORT_SLICE);
          const lines = slice.map((r) =>
            csvRow([
              iso(r.createdAt),
              r.kind,
              minorToInput(r.amount, s.minorUnitDigits),
              s.currencyCode,
              r.method,
              r.reference,
              r.receiptNumber === null ? null : receiptCode(r.receiptNumber),
              r.client.accountNo,
              r.client.fullName,
              r.staffName,
              r.reason,
              r.voided ? 'yes' : 'no',
              r.relatesTo,
            ]),
          );
          if (lines.length > 0) await sink.write(lines.join(''));
          rows += lines.length;
          const last = slice[slice.length - 1];
          if (slice.length < EXPORT_SLICE || !last) break;
          cursor = last.id;
        }
        await sink.end();
      } catch (e) {
        sink.abort();
        throw e;
      }
      deps.recorder.record({
        event: 'payments.exported',
        params: { by: ctx.actor.username, rows, from: input.filter.from, to: input.filter.to },
        ctx,
        details: { filter: input.filter, rows },
      });
      return { rows };
    },
  };
};

export type PaymentsService = ReturnType<typeof createPaymentsService>;
