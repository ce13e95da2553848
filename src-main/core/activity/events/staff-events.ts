import { defineEvent } from '../define-event';

type Change = { by: string; username: string };

export const staffEvents = {
  'staff.created': defineEvent<Change & { role: string }>(
    'administrative',
    'staff',
    'success',
    (p) => `${p.by} created staff account "${p.username}" with role ${p.role}`,
  ),
  'staff.updated': defineEvent<Change & { changes: string }>(
    'administrative',
    'staff',
    'success',
    (p) => `${p.by} changed staff account "${p.username}": ${p.changes}`,
  ),
  'staff.password_reset': defineEvent<Change>(
    'administrative',
    'staff',
    'success',
    (p) => `${p.by} reset the password of "${p.username}"`,
  ),
  'staff.unlocked': defineEvent<Change>(
    'administrative',
    'staff',
    'success',
    (p) => `${p.by} unlocked staff account "${p.username}"`,
  ),
};
