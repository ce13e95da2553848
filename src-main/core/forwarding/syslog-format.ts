import { zonedIsoTime } from '../../domain/office-time';
import type { ActivityRow } from '../activity/activity-row';

/** Private enterprise number for structured data: 32473 is RFC 5612's, reserved for examples. */
export const SD_ID = 'isp-desk@32473';

export type SyslogOptions = {
  /** RFC 5424 facility: 13 log audit (the default), 10 authpriv, 16–23 local0–local7. */
  facility: number;
  appName: string;
  hostname: string;
  procId: string;
  timeZone: string;
};

const SEVERITY = { critical: 2, warning: 4, informational: 6 } as const;

/** Events that say the log itself may have been tampered with: critical, whatever the outcome. */
const INTEGRITY_ALARMS = new Set(['activity.verified']);

export const severityOf = (r: Pick<ActivityRow, 'event' | 'outcome'>): number => {
  if (r.outcome === 'failure' && INTEGRITY_ALARMS.has(r.event)) return SEVERITY.critical;
  return r.outcome === 'failure' ? SEVERITY.warning : SEVERITY.informational;
};

/** A header field: printable US-ASCII without spaces, at most `max` characters, "-" when empty. */
const token = (text: string | null, max: number): string => {
  const clean = (text ?? '').replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean === '' ? '-' : clean;
};

/** An SD-PARAM value: `"`, `\` and `]` escaped with a backslash (RFC 5424, 6.3.3). */
const sdValue = (v: string | number): string => String(v).replace(/["\\\]]/g, (c) => `\\${c}`);

/**
 * One entry as an RFC 5424 message: `<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`, the
 * time with milliseconds and the office's offset, the event code as MSGID, and everything a
 * receiver needs to de-duplicate (id) and verify (hash) in structured data.
 */
export const syslogMessage = (r: ActivityRow, o: SyslogOptions): string => {
  const pri = o.facility * 8 + severityOf(r);
  const time = zonedIsoTime(r.ts, o.timeZone);
  const params: [string, string | number | null][] = [
    ['id', r.id],
    ['type', r.type],
    ['category', r.category],
    ['event', r.event],
    ['outcome', r.outcome],
    ['actor', r.actor_name],
    ['actorId', r.actor_id],
    ['ip', r.ip],
    ['workstation', r.workstation],
    ['client', r.client_id],
    ['router', r.router_id],
    ['correlation', r.correlation_id],
    ['hash', r.row_hash.toString('hex')],
  ];
  const sd = params
    .filter((p): p is [string, string | number] => p[1] !== null)
    .map(([k, v]) => `${k}="${sdValue(v)}"`)
    .join(' ');
  return `<${String(pri)}>1 ${time} ${token(o.hostname, 255)} ${token(o.appName, 48)} ${token(
    o.procId,
    128,
  )} ${token(r.event, 32)} [${SD_ID} ${sd}] ${r.description}`;
};

/** RFC 6587 octet counting: the message's length in bytes, a space, the message. */
export const octetCounted = (message: string): Buffer => {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${String(body.length)} `, 'ascii'), body]);
};
