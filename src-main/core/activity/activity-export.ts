import { csvRow } from '../../domain/csv-cells';
import { zonedIsoTime } from '../../domain/office-time';
import { toEntry, type ActivityRow } from './activity-row';

/**
 * The activity log's CSV columns (exports and evidence bundles). `timestamp` is office time with
 * its offset (`2026-12-07T15:00:13.147+03:00`), whatever the computer's own zone.
 */
const ACTIVITY_CSV_HEADER = [
  'id',
  'timestamp',
  'type',
  'category',
  'event',
  'outcome',
  'staff_id',
  'staff',
  'ip',
  'workstation',
  'description',
  'target_type',
  'target_id',
  'target',
  'client_id',
  'router_id',
  'correlation_id',
  'details',
  'hash',
];

const fields = (r: ActivityRow, timeZone: string) => [
  r.id,
  zonedIsoTime(r.ts, timeZone),
  r.type,
  r.category,
  r.event,
  r.outcome,
  r.actor_id,
  r.actor_name,
  r.ip,
  r.workstation,
  r.description,
  r.target_type,
  r.target_id,
  r.target_label,
  r.client_id,
  r.router_id,
  r.correlation_id,
  r.details,
  r.row_hash.toString('hex'),
];

export const csvHeader = (): string => `${ACTIVITY_CSV_HEADER.join(',')}\r\n`;
/** One entry as a CSV row, its time in the office's zone (`timeZone`). */
export const csvLine = (r: ActivityRow, timeZone: string): string => csvRow(fields(r, timeZone));

/** One entry as an NDJSON line: the entry (`ts` in epoch ms) and `timestamp` in office time. */
export const ndjsonLine = (r: ActivityRow, timeZone: string): string =>
  `${JSON.stringify({ ...toEntry(r), timestamp: zonedIsoTime(r.ts, timeZone) })}\n`;
