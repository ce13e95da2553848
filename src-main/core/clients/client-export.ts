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
import type { Permission } from '../../contract/roles';
import type { RequestMeta } from '../shared/context';
import type { SecretBox } from '../shared/secret-box';
import { SERVICE_PASSWORD_PURPOSE } from './client-view';

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

/**
 * Streams the filtered client list as CSV, then logs the export. Service passwords only when
 * asked (`withPasswords`) by someone allowed to reveal them, in a last `password` column: the
 * file then imports into another office as it is.
 */
export const createClientExport = (deps: {
  clients: Pick<ClientsRepo, 'exportRows'>;
  search: ClientSearch;
  clock: Clock;
  recorder: Recorder;
  settings: SettingsService;
  box: SecretBox;
  authorize: (actor: Actor, permission: Permission, procedure: string, meta: RequestMeta) => void;
}) => {
  return async (
    input: { filter?: ClientFilter; withPasswords?: boolean },
    ctx: ServiceContext & { actor: Actor },
    open: OpenSink,
  ): Promise<{ rows: number } | null> => {
    const filter = input.filter ?? {};
    const withPasswords = input.withPasswords === true;
    if (withPasswords) {
      deps.authorize(ctx.actor, 'clients.revealPassword', 'clients.export', ctx);
    }
    const password = (box: string) =>
      withPasswords ? [deps.box.open(box, SERVICE_PASSWORD_PURPOSE)] : [];
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
      await sink.write(csvRow(withPasswords ? [...HEADER, 'password'] : HEADER));
      for (const ids of deps.search.iterateIds(filter, now)) {
        const lines = deps.clients.exportRows(ids).map((r) =>
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
            ...password(r.servicePasswordBox),
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
      params: { by: ctx.actor.username, rows, ...(withPasswords ? { withPasswords } : {}) },
      ctx,
      details: { filter, rows, withPasswords },
    });
    return { rows };
  };
};

export type ClientExport = ReturnType<typeof createClientExport>;
