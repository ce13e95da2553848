import { formatISO } from 'date-fns';
import { toEntry, type ActivityRow } from './activity-row';

const CSV_HEADER = [
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

/** Quotes a CSV cell; a leading = + - @ is neutralised so spreadsheets never run it as a formula. */
const cell = (v: string | number | null): string => {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

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

export const csvHeader = (): string => `${CSV_HEADER.join(',')}\r\n`;
export const csvLine = (r: ActivityRow): string => `${fields(r).map(cell).join(',')}\r\n`;

export const ndjsonLine = (r: ActivityRow): string =>
  `${JSON.stringify({ ...toEntry(r), timestamp: formatISO(r.ts) })}\n`;
