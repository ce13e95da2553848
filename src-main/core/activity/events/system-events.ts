import { defineEvent } from '../define-event';

export const systemEvents = {
  'system.started': defineEvent<{ version: string; mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk ${p.version} started (${p.mode})`,
  ),
  'system.lock_recovered': defineEvent<{ pid: number | null; host: string | null; reason: string }>(
    'system',
    'system',
    'success',
    (p) =>
      `The data folder's lock left by ${p.pid === null ? 'an unknown process' : `process ${String(p.pid)}`}` +
      `${p.host ? ` on ${p.host}` : ''} was taken over: ${p.reason}`,
  ),
  'system.data_folder_secured': defineEvent<{
    folder: string;
    folderMode: string;
    entries: number;
    failed: number;
  }>(
    'system',
    'system',
    'success',
    (p) =>
      `The data folder ${p.folder} was open to other users (permissions ${p.folderMode}): ` +
      `restricted to its owner, with ${String(p.entries)} file${p.entries === 1 ? '' : 's'} in it` +
      (p.failed > 0 ? `; ${String(p.failed)} could not be changed` : ''),
  ),
  'system.demo_opened': defineEvent<{ from: string }>(
    'user',
    'system',
    'success',
    (p) =>
      `The demo office was opened from the first-run screen at ${p.from}; this office is unchanged`,
  ),
  'system.stopped': defineEvent<{ mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk stopped (${p.mode})`,
  ),
};
