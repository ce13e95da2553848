import { defineEvent } from '../define-event';

export const sharingEvents = {
  'sharing.settings_updated': defineEvent<{ by: string; changes: string }>(
    'administrative',
    'system',
    'success',
    (p) => `${p.by} changed sharing this workstation with the office: ${p.changes}`,
  ),
  'sharing.started': defineEvent<{ url: string }>(
    'system',
    'system',
    'success',
    (p) => `This workstation is shared with the office: other workstations open ${p.url}`,
  ),
  'sharing.failed': defineEvent<{ port: number; reason: string }>(
    'system',
    'system',
    'failure',
    (p) => `This workstation could not be shared with the office on port ${p.port}: ${p.reason}`,
  ),
};
