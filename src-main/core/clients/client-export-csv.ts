/**
 * The clients export's file: its columns and one line per client. Rendered on a task thread (see
 * tasks/client-task-bodies.ts), or on the main thread in slices, from one read-only connection.
 */
import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type Database from 'better-sqlite3';
import type { ClientFilter } from '../../contract/schemas/clients';
import { csvRow } from '../../domain/csv-cells';
import { ormOf } from '../db/open-database';
import { createClientSearch } from './client-search';
import { createClientsRepo, type ClientExportRow } from './clients.repo';

/** Columns in the import's own names, so that an export can be edited and imported again. */
const HEADER = [
  'account_no',
  'full_name',
  'phone',
  'email',
  'address',
  'latitude',
  'longitude',
  'service_type',
  'login',
  'static_ip',
  'mac',
  'plan',
  'router',
  'status',
  'expires',
  'balance_minor',
  'notes',
  'created',
];

const lineOf =
  (iso: (ms: number) => string, reveal?: (box: string) => string) => (r: ClientExportRow) =>
    csvRow([
      r.accountNo,
      r.fullName,
      r.phone,
      r.email,
      r.address,
      r.gpsLat,
      r.gpsLng,
      r.serviceType,
      r.serviceLogin,
      r.staticIp,
      r.mac,
      r.planName,
      r.routerName,
      r.status,
      // Never paid: no expiry, so that an import keeps them awaiting their first payment.
      r.status === 'awaiting_payment' ? null : iso(r.expiresAt),
      r.balance,
      r.notes,
      iso(r.createdAt),
      ...(reveal ? [reveal(r.servicePasswordBox)] : []),
    ]);

/**
 * Every client matching `filter` (as of `now`), oldest first, as CSV text: the header, then one
 * chunk per page of clients. Awaiting `chunk` gives back-pressure. Service passwords only with
 * `reveal` (the main process's secret box: such an export runs there, a page per slice), in a
 * last `password` column, so that the file imports into another office as it is.
 */
export const writeClientsCsv = async (
  sqlite: Database.Database,
  request: { filter: ClientFilter; now: number; timeZone: string },
  io: { chunk(text: string): Promise<void>; progress(done: number): void },
  reveal?: (box: string) => string,
): Promise<{ rows: number }> => {
  const { filter, now, timeZone } = request;
  const search = createClientSearch(sqlite);
  const clients = createClientsRepo(ormOf(sqlite));
  const line = lineOf(
    (ms) => formatDate(new TZDate(ms, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx"),
    reveal,
  );
  let rows = 0;
  await io.chunk(csvRow(reveal ? [...HEADER, 'password'] : HEADER));
  for (const ids of search.iterateIds(filter, now)) {
    const lines = clients.exportRows(ids).map(line);
    await io.chunk(lines.join(''));
    rows += lines.length;
    io.progress(rows);
  }
  return { rows };
};
