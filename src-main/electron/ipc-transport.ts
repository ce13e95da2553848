import { dialog, ipcMain, webContents, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { createWriteStream, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { DOWNLOADS, EVENTS, PROCEDURES } from '../contract/channels';
import type { Core } from '../core/create-core';
import type { CoreHost } from '../transport/core-host';
import { fail, ok } from '../transport/errors';
import type { CallContext } from '../transport/call-context';

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
  const appPrefix = deps.appUrl.split('#')[0] ?? deps.appUrl;

  const trusted = (e: IpcMainInvokeEvent) => {
    const frame = e.senderFrame;
    return frame !== null && frame === e.sender.mainFrame && frame.url.startsWith(appPrefix);
  };
  const context = (sender: WebContents): CallContext => ({
    sessionToken: tokens.get(sender.id) ?? null,
    ip: deps.lanAddress(),
    workstation: hostname(),
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

  const subscribe = (core: Core) =>
    EVENTS.map((name) =>
      core.events.on(name, (payload) => {
        for (const id of tokens.keys()) webContents.fromId(id)?.send(name, payload);
      }),
    );
  let forward = subscribe(deps.host.core);
  // Another office now serves the window (first run → demo): the old sessions are gone.
  const offSwitch = deps.host.onSwitch((core) => {
    for (const off of forward) off();
    tokens.clear();
    forward = subscribe(core);
  });
  return () => {
    offSwitch();
    for (const off of forward) off();
    for (const name of PROCEDURES) ipcMain.removeHandler(name);
    for (const name of DOWNLOADS) ipcMain.removeHandler(`download:${name}`);
    ipcMain.removeHandler('shell:savePdf');
  };
};
