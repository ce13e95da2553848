import { dialog, ipcMain, webContents, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { createWriteStream, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { EventPayload } from '../contract/api';
import { DOWNLOADS, PROCEDURES } from '../contract/channels';
import type { Core } from '../core/create-core';
import type { EventTarget } from '../core/shared/event-bus';
import type { CoreHost } from '../transport/core-host';
import { fail, ok } from '../transport/errors';
import type { CallContext } from '../transport/call-context';
import { eventAudience } from '../transport/event-audience';
import { isAppUrl } from './app-url';

/**
 * Serves the contract over IPC. Sessions are kept here, per window, and never reach the page.
 * Every call checks that it comes from the app's own page (not a frame or a navigated-away page).
 * Calls go through the host, which may switch to the demo office on first run.
 */
export const registerIpcTransport = (deps: {
  host: CoreHost;
  appUrl: string;
  lanAddress: () => string;
}) => {
  const tokens = new Map<number, string>();
  const where = () => ({ ip: deps.lanAddress(), workstation: hostname() });

  const trusted = (e: IpcMainInvokeEvent) => {
    const frame = e.senderFrame;
    return frame !== null && frame === e.sender.mainFrame && isAppUrl(frame.url, deps.appUrl);
  };
  const context = (sender: WebContents): CallContext => ({
    sessionToken: tokens.get(sender.id) ?? null,
    ...where(),
    setSessionToken: (token) => {
      if (token === null) tokens.delete(sender.id);
      else tokens.set(sender.id, token);
    },
  });

  for (const name of PROCEDURES) {
    ipcMain.handle(name, (e, raw: unknown) =>
      trusted(e)
        ? deps.host.call(name, raw, context(e.sender))
        : fail('forbidden', 'Untrusted sender.'),
    );
  }
  for (const name of DOWNLOADS) {
    ipcMain.handle(`download:${name}`, async (e, raw: unknown) => {
      if (!trusted(e)) return fail('forbidden', 'Untrusted sender.');
      const saved: { path: string | null } = { path: null };
      const result = await deps.host.download(name, raw, context(e.sender), async (file) => {
        const choice = await dialog.showSaveDialog({ defaultPath: file.fileName });
        if (choice.canceled || !choice.filePath) return null;
        const path = choice.filePath;
        saved.path = path;
        const out = createWriteStream(path);
        return {
          write: (chunk) =>
            new Promise<void>((resolve, reject) => {
              out.write(chunk, (err) => (err ? reject(err) : resolve()));
            }),
          end: () => new Promise<void>((resolve) => out.end(resolve)),
          abort: () => {
            out.destroy();
            rmSync(path, { force: true });
          },
        };
      });
      if (!result.ok) return result;
      return ok(result.value && saved.path !== null ? { path: saved.path } : null);
    });
  }

  // The page as printed (print stylesheet applied), saved where the user chooses.
  ipcMain.handle('shell:savePdf', async (e, fileName: unknown) => {
    if (!trusted(e)) return fail('forbidden', 'Untrusted sender.');
    const name =
      typeof fileName === 'string' ? fileName.replace(/[^\w .-]/g, '_').slice(0, 80) : 'document';
    const choice = await dialog.showSaveDialog({ defaultPath: `${name}.pdf` });
    if (choice.canceled || !choice.filePath) return ok(null);
    const pdf = await e.sender.printToPDF({ printBackground: true, pageSize: 'A5' });
    await writeFile(choice.filePath, pdf);
    return ok({ path: choice.filePath });
  });

  /** Tells a window its session is gone and stops sending to it. */
  const ended = (id: number, reason: string) => {
    tokens.delete(id);
    webContents.fromId(id)?.send('session.ended', { reason });
  };
  // Push events go only to windows whose session is still valid and may see them (activity
  // notices counting only the entries the window's role may read).
  const forward =
    <K extends 'activity.recorded' | 'task.progress' | 'system.storage' | 'alert.raised'>(
      name: K,
    ) =>
    (payload: EventPayload<K>, to?: EventTarget) => {
      for (const [id, token] of [...tokens]) {
        const wc = webContents.fromId(id);
        if (!wc) {
          tokens.delete(id);
          continue;
        }
        const audience = eventAudience(deps.host.core, token, where(), name, payload, to);
        if (audience === 'ended') ended(id, 'Your session has ended.');
        else if (audience !== 'skip') wc.send(name, audience.send);
      }
    };
  const subscribe = (core: Core) => [
    core.events.on('activity.recorded', forward('activity.recorded')),
    core.events.on('task.progress', forward('task.progress')),
    core.events.on('system.storage', forward('system.storage')),
    core.events.on('alert.raised', forward('alert.raised')),
  ];
  let subscriptions = subscribe(deps.host.core);
  // Another office now serves the window (first run → demo): the old sessions are gone.
  const offSwitch = deps.host.onSwitch((core) => {
    for (const off of subscriptions) off();
    for (const id of [...tokens.keys()]) {
      ended(id, 'ISP Desk switched to another office. Please sign in again.');
    }
    subscriptions = subscribe(core);
  });
  return () => {
    offSwitch();
    for (const off of subscriptions) off();
    for (const name of PROCEDURES) ipcMain.removeHandler(name);
    for (const name of DOWNLOADS) ipcMain.removeHandler(`download:${name}`);
    ipcMain.removeHandler('shell:savePdf');
  };
};
