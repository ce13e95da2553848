import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN, tempDirForTest, testCore } from '../core/test-support/test-core';
import { makeCertificate } from '../headless/test-support/make-certificate';
import { fixedCoreHost, type CoreHost } from '../transport/core-host';
import { createOfficeSharing } from './office-sharing';

/** Another loopback address stands in for the LAN address (127.0.0.1 is "no LAN" to sharing). */
const LAN = '127.0.0.2';

const setup = (tls?: { cert: string; key: string }) => {
  const tc = testCore();
  const host: CoreHost = fixedCoreHost(tc.core);
  const rendererDir = join(tempDirForTest('sharing'), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ISP Desk</title>');
  const sharing = createOfficeSharing({
    host: () => host,
    rendererDir,
    lanAddress: () => LAN,
    ...(tls ? { tls } : {}),
  });
  onTestFinished(() => sharing.stop());
  return { tc, sharing, rendererDir };
};

const post = (url: string, name: string, body: unknown) =>
  fetch(`${url}api/${name}`, {
    method: 'POST',
    headers: { 'X-ISPDesk': '1', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('sharing from the desktop app', () => {
  it('serves the same app and API on the LAN address, and stops', async () => {
    const { sharing } = setup();
    const { url } = await sharing.start(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
    expect(await (await fetch(url)).text()).toContain('<title>ISP Desk</title>');
    const setupReply = await post(url, 'auth.setup', ADMIN);
    expect(await setupReply.json()).toMatchObject({ ok: true, value: { username: 'admin' } });
    await sharing.stop();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('serves HTTPS with the TLS certificate when one is configured, and names a bad one', async () => {
    const dir = tempDirForTest('sharing-tls');
    const files = makeCertificate(dir, 'lan', LAN);
    const { sharing } = setup(files);
    const { url } = await sharing.start(0);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.2:\d+\/$/);
    const page = await new Promise<string>((resolve, reject) => {
      const req = request(url, { ca: readFileSync(files.cert) }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(page).toContain('<title>ISP Desk</title>');
    await sharing.stop();

    const missing = join(dir, 'missing.crt');
    const broken = setup({ cert: missing, key: files.key }).sharing;
    await expect(broken.start(0)).rejects.toThrow(`Cannot read the TLS certificate ${missing}`);
  });

  it('says plainly when the port is taken or there is no LAN address', async () => {
    const { sharing, rendererDir, tc } = setup();
    const taken = createServer();
    taken.listen(0, LAN);
    await once(taken, 'listening');
    onTestFinished(() => new Promise<void>((done) => taken.close(() => done())));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await expect(sharing.start(port)).rejects.toThrow(
      `port ${String(port)} is already used by another program on this computer; choose another port`,
    );

    const noLan = createOfficeSharing({
      host: () => fixedCoreHost(tc.core),
      rendererDir,
      lanAddress: () => '127.0.0.1',
    });
    await expect(noLan.start(0)).rejects.toThrow(/no network address other workstations can reach/);
    const notYet = createOfficeSharing({ host: () => null, rendererDir, lanAddress: () => LAN });
    await expect(notYet.start(0)).rejects.toThrow('ISP Desk is still starting');
  });
});
