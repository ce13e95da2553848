import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IspDeskBridge } from '@contract/bridge';
import { DOWNLOADS, PROCEDURES } from '@contract/channels';
import type { Result } from '@contract/errors';
import { createApiClient, pickTransport } from './client';
import { createIpcTransport } from './ipc-transport';

function fakeBridge(
  call: (name: string, input: unknown) => Promise<Result<unknown>>,
  download: (input: unknown) => Promise<Result<{ path: string } | null>>,
): IspDeskBridge {
  return {
    call: Object.fromEntries(
      PROCEDURES.map((name) => [name, (input: unknown) => call(name, input)]),
    ) as IspDeskBridge['call'],
    download: Object.fromEntries(
      DOWNLOADS.map((name) => [name, download]),
    ) as IspDeskBridge['download'],
    on: () => () => undefined,
    savePdf: () => Promise.resolve({ ok: true, value: null }),
  };
}

afterEach(() => {
  delete window.ispdesk;
});

describe('IPC transport', () => {
  it('passes the input to the bridge and unwraps the envelope', async () => {
    const call = vi
      .fn<(name: string, input: unknown) => Promise<Result<unknown>>>()
      .mockResolvedValue({ ok: true, value: null });
    const client = createApiClient(
      createIpcTransport(fakeBridge(call, () => Promise.resolve({ ok: true, value: null }))),
    );
    await expect(client.call('sessions.end', { sessionId: 'abc' })).resolves.toBeNull();
    expect(call).toHaveBeenCalledWith('sessions.end', { sessionId: 'abc' });
  });

  it('reports where the file was saved, or that the dialog was cancelled', async () => {
    const download = vi
      .fn<(input: unknown) => Promise<Result<{ path: string } | null>>>()
      .mockResolvedValueOnce({ ok: true, value: { path: '/home/ada/log.csv' } })
      .mockResolvedValueOnce({ ok: true, value: null });
    const client = createApiClient(
      createIpcTransport(fakeBridge(() => Promise.resolve({ ok: true, value: null }), download)),
    );
    const input = { filter: {}, format: 'csv' } as const;
    await expect(client.download('activity.export', input)).resolves.toEqual({
      kind: 'saved',
      path: '/home/ada/log.csv',
    });
    await expect(client.download('activity.export', input)).resolves.toEqual({
      kind: 'cancelled',
    });
  });

  it('turns a broken bridge into an unavailable error', async () => {
    const client = createApiClient(
      createIpcTransport(
        fakeBridge(
          () => Promise.reject(new Error('No handler registered')),
          () => Promise.resolve({ ok: true, value: null }),
        ),
      ),
    );
    await expect(client.call('auth.status')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('is picked when the preload exposed window.ispdesk, HTTP otherwise', () => {
    expect(pickTransport().kind).toBe('http');
    window.ispdesk = fakeBridge(
      () => Promise.resolve({ ok: true, value: null }),
      () => Promise.resolve({ ok: true, value: null }),
    );
    expect(pickTransport().kind).toBe('ipc');
  });
});
