import { defineEvent } from '../define-event';

export const settingsEvents = {
  'settings.updated': defineEvent<{ by: string; changes: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} changed billing settings: ${p.changes}`,
  ),
};
