import type { IspDeskBridge } from '@contract/bridge';
import type { DownloadName, EventName, ProcedureName } from '@contract/channels';
import type { Result } from '@contract/errors';
import { failure, toEnvelope } from './envelope';
import type { DownloadOutcome, Transport } from './transport';

const BRIDGE_FAILED = 'ISP Desk could not complete the request. Restart the application.';

/** The Electron transport: everything goes through the preload's `window.ispdesk` bridge. */
export function createIpcTransport(bridge: IspDeskBridge): Transport {
  async function call(name: ProcedureName, input: unknown): Promise<Result<unknown>> {
    const fn = bridge.call[name] as IspDeskBridge['call'][ProcedureName] | undefined;
    if (!fn) return failure('internal', `This version of ISP Desk does not know "${name}".`);
    try {
      return toEnvelope(await fn(input));
    } catch {
      return failure('unavailable', BRIDGE_FAILED);
    }
  }

  // Electron writes the file in the main process: progress arrives as `task.progress` events and
  // the save dialog is the way to cancel, so the download options are not used here.
  async function download(name: DownloadName, input: unknown): Promise<Result<DownloadOutcome>> {
    const fn = bridge.download[name] as IspDeskBridge['download'][DownloadName] | undefined;
    if (!fn) return failure('internal', `This version of ISP Desk does not know "${name}".`);
    let envelope: Result<unknown>;
    try {
      envelope = toEnvelope(await fn(input));
    } catch {
      return failure('unavailable', BRIDGE_FAILED);
    }
    if (!envelope.ok) return envelope;
    const value = envelope.value;
    if (value === null) return { ok: true, value: { kind: 'cancelled' } };
    if (typeof value === 'object' && 'path' in value && typeof value.path === 'string') {
      return { ok: true, value: { kind: 'saved', path: value.path } };
    }
    return failure('internal', 'The application sent an unexpected response.');
  }

  function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    return bridge.on(event, listener);
  }

  return { kind: 'ipc', call, download, subscribe };
}
