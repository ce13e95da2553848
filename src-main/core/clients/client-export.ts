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
import type { ClientsRepo } from './clients.repo';

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

/** Streams the filtered client list as CSV (never passwords), then logs the export. */
export const createClientExport = (deps: {
  clients: Pick<ClientsRepo, 'exportRows'>;
  search: ClientSearch;
  clock: Clock;
  recorder: Recorder;
  settings: SettingsService;
}) => {
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
        const lines = deps.clients
          .exportRows(ids)
          .map((r) =>
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
              r.routerId,
              r.status,
              iso(r.expiresAt),
              r.balance,
              r.notes,
              iso(r.createdAt),
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
