import { contextBridge, ipcRenderer } from 'electron';
import { DOWNLOADS, EVENTS, PROCEDURES } from '../src-main/contract/channels';

// A closed list: one function per known procedure, never ipcRenderer itself.
const byName = <N extends string>(names: readonly N[], channel: (n: N) => string) =>
  Object.fromEntries(
    names.map((n) => [
      n,
      (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel(n), input),
    ]),
  );

contextBridge.exposeInMainWorld('ispdesk', {
  call: byName(PROCEDURES, (n) => n),
  download: byName(DOWNLOADS, (n) => `download:${n}`),
  savePdf: (fileName: string): Promise<unknown> => ipcRenderer.invoke('shell:savePdf', fileName),
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
    const forward = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.off(event, forward);
  },
});
