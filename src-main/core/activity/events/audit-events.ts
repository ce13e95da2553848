import { defineEvent } from '../define-event';

export const auditEvents = {
  'activity.exported': defineEvent<{ by: string; format: string; rows: number }>(
    'user',
    'audit',
    'success',
    (p) => `${p.by} exported ${String(p.rows)} activity entries as ${p.format.toUpperCase()}`,
  ),
  'activity.bundled': defineEvent<{ by: string; entries: number }>(
    'user',
    'audit',
    'success',
    (p) =>
      `${p.by} made an evidence bundle of ${String(p.entries)} activity ${p.entries === 1 ? 'entry' : 'entries'} for an auditor`,
  ),
  'activity.verified': defineEvent<{
    by: string;
    checked: number;
    ok: boolean;
    firstBadId: number | null;
  }>('user', 'audit', 'success', (p) =>
    p.ok
      ? `${p.by} verified the activity log: ${String(p.checked)} entries intact`
      : `${p.by} verified the activity log: entry ${String(p.firstBadId)} does not verify`,
  ),
  'activity.archived': defineEvent<{ by: string; entries: number; file: string }>(
    'administrative',
    'audit',
    'success',
    (p) =>
      `${p.by} archived ${String(p.entries)} activity entries to ${p.file} and removed them from the live log`,
  ),
  'activity.checkpoint': defineEvent<{ uptoId: number }>(
    'system',
    'audit',
    'success',
    (p) => `Signed checkpoint of the activity log taken at entry ${String(p.uptoId)}`,
  ),
};
