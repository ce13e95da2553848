import type Database from 'better-sqlite3';
import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { ClientFilter } from '../../contract/schemas/clients';
import type { OpenSink } from '../activity/activity.service';
import type { Recorder } from '../activity/recorder';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import type { SettingsService } from '../settings/settings.service';
import type { ClientSearch } from './client-search';
import { csvRow } from '../../domain/csv-cells';

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
  'router_id',
  'status',
  'expires',
  'balance_minor',
  'notes',
  'created',
];

type Row = {
  account_no: string;
  full_name: string;
  phone: string;
  email: string | null;
  address: string | null;
  gps_lat: number | null;
  gps_lng: number | null;
  service_type: string;
  service_login: string;
  static_ip: string | null;
  mac: string | null;
  plan_name: string;
  router_id: number | null;
  status: string;
  expires_at: number;
  balance: number;
  notes: string;
  created_at: number;
};

/** Streams the filtered client list as CSV (never passwords), then logs the export. */
export const createClientExport = (deps: {
  sqlite: Database.Database;
  search: ClientSearch;
  clock: Clock;
  recorder: Recorder;
  settings: SettingsService;
}) => {
  const rowsOf = (ids: number[]) =>
    deps.sqlite
      .prepare(
        `SELECT c.account_no, c.full_name, c.phone, c.email, c.address, c.gps_lat, c.gps_lng,
           c.service_type, c.service_login, c.static_ip, c.mac, p.name AS plan_name, c.router_id,
           c.status, c.expires_at, c.balance, c.notes, c.created_at
         FROM clients c JOIN plans p ON p.id = c.plan_id
         WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
      )
      .all(JSON.stringify(ids)) as Row[];

  return async (
    input: { filter?: ClientFilter },
    ctx: ServiceContext & { actor: Actor },
    open: OpenSink,
  ): Promise<{ rows: number } | null> => {
    const filter = input.filter ?? {};
    const now = deps.clock.now();
    deps.search.count(filter, now); // a bad filter fails before any file is opened
    const { timeZone } = deps.settings.get();
    const iso = (ms: number) => formatDate(new TZDate(ms, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
    const sink = await open({
      fileName: `clients-${formatDate(new TZDate(now, timeZone), 'yyyyMMdd-HHmmss')}.csv`,
      contentType: 'text/csv; charset=utf-8',
    });
    if (!sink) return null;
    let rows = 0;
    try {
      await sink.write(csvRow(HEADER));
      for (const ids of deps.search.iterateIds(filter, now)) {
        const lines = rowsOf(ids).map((r) =>
          csvRow([
            r.account_no,
            r.full_name,
            r.phone,
            r.email,
            r.address,
            r.gps_lat,
            r.gps_lng,
            r.service_type,
            r.service_login,
            r.static_ip,
            r.mac,
            r.plan_name,
            r.router_id,
            r.status,
            iso(r.expires_at),
            r.balance,
            r.notes,
            iso(r.created_at),
          ]),
        );
        await sink.write(lines.join(''));
        rows += lines.length;
      }
      await sink.end();
    } catch (e) {
      sink.abort();
      throw e;
    }
    deps.recorder.record({
      event: 'clients.exported',
      params: { by: ctx.actor.username, rows },
      ctx,
      details: { filter, rows },
    });
    return { rows };
  };
};

export type ClientExport = ReturnType<typeof createClientExport>;
