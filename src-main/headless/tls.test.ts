import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, tempDirForTest } from '../core/test-support/test-core';
import { makeCertificate } from './test-support/make-certificate';
import { envelope, serveCore } from './test-support/serve-core';
import { readTlsFiles, TlsSetupError } from './tls-files';

describe('HTTPS for the headless server', () => {
  it('serves the API over TLS only, with a Secure session cookie and https origins', async () => {
    const files = makeCertificate(tempDirForTest('tls'));
    const s = await serveCore({
      server: { tls: readTlsFiles(files) },
      ca: readFileSync(files.cert, 'utf8'),
    });
    expect(s.url).toBe(`https://127.0.0.1:${String(s.port)}/`);

    const origin = `https://127.0.0.1:${String(s.port)}`;
    const foreign = await s.post('auth.setup', ADMIN, {
      Origin: `http://127.0.0.1:${String(s.port)}`,
    });
    expect(foreign.status).toBe(403);
    const setup = await s.post('auth.setup', ADMIN, { Origin: origin });
    expect(setup.status).toBe(200);
    const cookie = [setup.headers['set-cookie']].flat()[0] ?? '';
    expect(cookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    const session = cookie.split(';')[0] ?? '';
    const out = await s.post('auth.logout', {}, { Cookie: session, Origin: origin });
    expect([out.headers['set-cookie']].flat()[0]).toMatch(/Max-Age=0; Secure$/);
    expect(envelope(await s.post('auth.status', undefined))).toMatchObject({ ok: true });

    // Nothing is answered in clear on the TLS port.
    const plain = await new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port: s.port, path: '/api' }, (res) =>
        resolve(`HTTP ${String(res.statusCode)}`),
      );
      req.on('error', (e) => resolve(e.message));
      req.end();
    });
    expect(plain).not.toMatch(/^HTTP 2/);
  });

  it('says in one line which file cannot be read or used', () => {
    const dir = tempDirForTest('tls');
    const a = makeCertificate(dir, 'a');
    const b = makeCertificate(dir, 'b');
    const missing = join(dir, 'missing.crt');
    const garbage = join(dir, 'garbage.crt');
    writeFileSync(garbage, 'not a certificate');
    const messageOf = (files: { cert: string; key: string }) => {
      try {
        readTlsFiles(files);
      } catch (e) {
        return e instanceof TlsSetupError ? e.message : `not a TlsSetupError: ${String(e)}`;
      }
      return 'accepted';
    };
    expect(messageOf({ cert: missing, key: a.key })).toBe(
      `Cannot read the TLS certificate ${missing}: ENOENT: no such file or directory, open '${missing}'`,
    );
    expect(messageOf({ cert: a.cert, key: dir })).toMatch(
      /^Cannot read the TLS key .+: EISDIR[^\n]*$/,
    );
    expect(messageOf({ cert: a.cert, key: b.key })).toMatch(
      /^Cannot use the TLS certificate .+a\.crt with the key .+b\.key: [^\n]+$/,
    );
    expect(messageOf({ cert: garbage, key: a.key })).toMatch(
      /^Cannot use the TLS certificate [^\n]+$/,
    );
    expect(messageOf(a)).toBe('accepted');
  });
});
