import { formatISO } from 'date-fns';
import { csvRow } from '../../domain/csv-cells';
import { toEntry, type ActivityRow } from './activity-row';

/** The activity log's CSV columns (exports and evidence bundles). */
export const ACTIVITY_CSV_HEADER = [
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

const fields = (r: ActivityRow) => [
  r.id,
  formatISO(r.ts),
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
export const csvLine = (r: ActivityRow): string => csvRow(fields(r));

export const ndjsonLine = (r: ActivityRow): string =>
  `${JSON.stringify({ ...toEntry(r), timestamp: formatISO(r.ts) })}\n`;
