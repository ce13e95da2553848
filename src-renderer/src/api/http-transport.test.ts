import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createApiClient } from './client';
import { createHttpTransport, filenameFromDisposition } from './http-transport';

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

/** The text of a Blob (jsdom's Blob has no `text()`). */
const readText = (blob: Blob | undefined) =>
  new Promise<string>((resolve, reject) => {
    if (!blob) return reject(new Error('no blob'));
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error('unreadable blob'));
    reader.readAsText(blob);
  });

const bodyOf = (init: RequestInit | undefined): string =>
  typeof init?.body === 'string' ? init.body : '';

function setup(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fetchMock = vi.fn((input: string, init?: RequestInit) =>
    Promise.resolve(respond(input, init ?? {})),
  );
  const saveBlob = vi.fn<(blob: Blob, filename: string) => void>();
  const transport = createHttpTransport({ fetch: fetchMock, saveBlob });
  return { fetchMock, saveBlob, client: createApiClient(transport) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HTTP transport', () => {
  it('posts JSON with the CSRF header and same-origin credentials, and unwraps the value', async () => {
    const user = {
      staffId: 1,
      username: 'ada',
      displayName: 'Ada',
      role: 'administrator',
      permissions: ['staff.manage'],
      mustChangePassword: false,
    };
    const { fetchMock, client } = setup(() => jsonResponse({ ok: true, value: user }));

    await expect(client.call('auth.login', { username: 'ada', password: 'pw' })).resolves.toEqual(
      user,
    );

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth.login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('X-ISPDesk')).toBe('1');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(bodyOf(init))).toEqual({ username: 'ada', password: 'pw' });
  });

  it('sends an empty object for procedures without input', async () => {
    const { fetchMock, client } = setup(() => jsonResponse({ ok: true, value: null }));
    await client.call('auth.logout');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{}');
  });

  it('throws an ApiError with the envelope code and message, whatever the HTTP status', async () => {
    const { client } = setup(() =>
      jsonResponse(
        {
          ok: false,
          error: { code: 'invalid_credentials', message: 'Wrong username or password.' },
        },
        401,
      ),
    );
    const error: unknown = await client
      .call('auth.login', { username: 'x', password: 'y' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong username or password.',
    });
  });

  it('turns a non-JSON body into an error named after the HTTP status', async () => {
    const { client } = setup(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(client.call('auth.status')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('reports an unreachable server as unavailable', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.call('auth.status')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('rejects a value that does not match the contract output', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client } = setup(() => jsonResponse({ ok: true, value: { setupRequired: 'yes' } }));
    await expect(client.call('auth.status')).rejects.toMatchObject({ code: 'internal' });
  });

  it('saves a successful download under the server-given filename', async () => {
    const { fetchMock, saveBlob, client } = setup(
      () =>
        new Response('id,ts\n1,2\n', {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="activity-2025-01-15.csv"',
          },
        }),
    );
    const outcome = await client.download('activity.export', {
      filter: { ip: '10.0.' },
      format: 'csv',
    });

    expect(outcome).toEqual({ kind: 'downloaded', filename: 'activity-2025-01-15.csv' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/activity.export');
    expect(new Headers(init?.headers).get('X-ISPDesk')).toBe('1');
    expect(JSON.parse(bodyOf(init))).toEqual({ filter: { ip: '10.0.' }, format: 'csv' });
    expect(saveBlob).toHaveBeenCalledTimes(1);
    const [blob, name] = saveBlob.mock.calls[0] ?? [];
    expect(name).toBe('activity-2025-01-15.csv');
    await expect(blob?.text()).resolves.toBe('id,ts\n1,2\n');
  });

  it('streams a download body to onChunk, piece by piece, and saves it whole', async () => {
    const pieces = ['id,ts\n', '1,2\n', '3,4\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of pieces) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    });
    const { saveBlob, client } = setup(
      () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    );
    const chunks: string[] = [];
    const outcome = await client.download(
      'activity.export',
      { filter: {}, format: 'csv' },
      { onChunk: (chunk) => chunks.push(new TextDecoder().decode(chunk)) },
    );
    expect(outcome).toEqual({ kind: 'downloaded', filename: 'activity-export.dat' });
    expect(chunks).toEqual(pieces);
    const saved = saveBlob.mock.calls[0]?.[0];
    expect(saved).toBeInstanceOf(Blob);
    await expect(readText(saved)).resolves.toBe(pieces.join(''));
  });

  it('reports an aborted download as cancelled and saves nothing', async () => {
    const abort = new AbortController();
    const { fetchMock, saveBlob, client } = setup(
      (_url, init) =>
        new Promise<Response>((_ok, fail) => {
          init.signal?.addEventListener('abort', () =>
            fail(new DOMException('Aborted', 'AbortError')),
          );
        }),
    );
    const pending = client.download(
      'activity.export',
      { filter: {}, format: 'ndjson' },
      { signal: abort.signal },
    );
    abort.abort();
    await expect(pending).resolves.toEqual({ kind: 'cancelled' });
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBe(abort.signal);
    expect(saveBlob).not.toHaveBeenCalled();
  });

  it('reads a failed download as an error envelope and saves nothing', async () => {
    const { saveBlob, client } = setup(() =>
      jsonResponse({ ok: false, error: { code: 'forbidden', message: 'Not allowed.' } }, 403),
    );
    await expect(
      client.download('activity.export', { filter: {}, format: 'csv' }),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'Not allowed.' });
    expect(saveBlob).not.toHaveBeenCalled();
  });

  it('tells listeners when a call fails because the session ended', async () => {
    const { client } = setup(() =>
      jsonResponse(
        { ok: false, error: { code: 'unauthenticated', message: 'Please sign in.' } },
        401,
      ),
    );
    const listener = vi.fn();
    client.onUnauthenticated(listener);
    await expect(client.call('sessions.listMine')).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ code: 'unauthenticated' }));
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 name and strips any path', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", 'x')).toBe(
      'résumé.csv',
    );
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(filenameFromDisposition(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
