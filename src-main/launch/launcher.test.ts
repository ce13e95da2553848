import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readElectronPackage } from './electron-binary';
import type { NativeBuilder } from './electron-native';
import {
  planLaunch,
  progressPrinter,
  runPlan,
  takeLaunchChoice,
  type LaunchPlan,
} from './launcher';
import { zipStore } from './test-support/zip-store';

const checkout = resolve(__dirname, '..', '..');
const realElectron = dirname(require.resolve('electron/package.json', { paths: [checkout] }));
const version = readElectronPackage(realElectron).version;
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const executableName =
  process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';

/** A stand-in for Electron: records its arguments and environment, then exits. */
const STAND_IN = `#!/usr/bin/env node
require('fs').writeFileSync(process.env.STAND_IN_RECORD, JSON.stringify({ argv: process.argv.slice(2), env: process.env }));
`;
const HEADLESS_STAND_IN = `require('fs').writeFileSync(process.env.HEADLESS_RECORD, JSON.stringify(process.argv.slice(2)));\n`;

type MirrorMode = 'serve' | 'not-found' | 'silent' | 'bad-checksum';

/** A local ELECTRON_MIRROR: the zip and its SHASUMS256.txt, or a 404, or no answer at all. */
const startMirror = async (mode: MirrorMode) => {
  const zip = zipStore([
    { name: executableName, data: Buffer.from(STAND_IN), mode: 0o755 },
    { name: 'version', data: Buffer.from(`v${version}`), mode: 0o644 },
  ]);
  const hash = createHash('sha256')
    .update(mode === 'bad-checksum' ? Buffer.from('something else') : zip)
    .digest('hex');
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (mode === 'silent') return; // accepts the connection, never answers
    if (mode !== 'not-found' && req.url === `/v${version}/${zipName}`) {
      res.writeHead(200, { 'Content-Length': zip.length }).end(zip);
    } else if (mode !== 'not-found' && req.url === `/v${version}/SHASUMS256.txt`) {
      res.end(`${hash} *${zipName}\n`);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
};

/**
 * A scratch copy of a checkout: electron's package (its real installer, with @electron/get and the
 * extractor linked from this checkout) and a stand-in better-sqlite3, so that nothing the test
 * downloads lands in the checkout's own node_modules.
 */
const scratchCheckout = () => {
  const root = mkdtempSync(join(tmpdir(), 'ispdesk-launcher-'));
  const modules = join(root, 'node_modules');
  const electronDir = join(modules, 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const f of ['package.json', 'install.js', 'checksums.json', 'index.js']) {
    copyFileSync(join(realElectron, f), join(electronDir, f));
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(checkout, 'node_modules', scope), join(modules, scope), 'dir');
  }
  const sqlite = join(modules, 'better-sqlite3');
  mkdirSync(sqlite);
  writeFileSync(join(sqlite, 'package.json'), '{"name":"better-sqlite3","version":"0.0.0"}');
  writeFileSync(join(root, 'headless.js'), HEADLESS_STAND_IN);
  return { root, electronDir };
};

describe('npm start: Electron or headless', () => {
  let scratch: ReturnType<typeof scratchCheckout>;
  let mirror: Awaited<ReturnType<typeof startMirror>> | null = null;
  let lines: string[];
  let builds: Parameters<NativeBuilder>[0][];

  /** Stands in for @electron/rebuild: writes a module into the copy it is given. */
  const buildNative: NativeBuilder = (job) => {
    builds.push(job);
    const out = join(job.moduleDir, 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `built for Electron ${job.electronVersion}`);
    return Promise.resolve({ ok: true, path: out });
  };

  const plan = async (
    mode: MirrorMode,
    argv: string[] = [],
    // Cases that end on their own get a limit they never reach, however busy the machine is.
    stallMs = 60_000,
    build: NativeBuilder = buildNative,
  ) => {
    mirror = await startMirror(mode);
    return planLaunch({
      root: scratch.root,
      electron: readElectronPackage(scratch.electronDir),
      headlessEntry: join(scratch.root, 'headless.js'),
      argv,
      env: {
        ...process.env,
        ELECTRON_MIRROR: mirror.url,
        electron_use_remote_checksums: '1',
        electron_config_cache: join(scratch.root, 'electron-cache'),
        STAND_IN_RECORD: join(scratch.root, 'electron-run.json'),
        HEADLESS_RECORD: join(scratch.root, 'headless-run.json'),
      },
      say: (line) => lines.push(line),
      limits: { stallMs, totalMs: 60_000 },
      buildNative: build,
    });
  };

  const run = async (p: LaunchPlan) => {
    if (p.kind === 'refused') throw new Error(`refused: ${p.reason}`);
    const child = runPlan(p);
    const [code] = (await once(child, 'exit')) as [number | null];
    return code;
  };

  beforeEach(() => {
    scratch = scratchCheckout();
    lines = [];
    builds = [];
  });
  afterEach(async () => {
    await mirror?.close();
    mirror = null;
    rmSync(scratch.root, { recursive: true, force: true });
  });

  it('downloads Electron through its own installer, verifies and extracts it, builds the module, and starts it on the app', async () => {
    const p = await plan('serve', ['--data', '/srv/isp']);
    expect(mirror?.requests).toEqual(
      expect.arrayContaining([`/v${version}/${zipName}`, `/v${version}/SHASUMS256.txt`]),
    );
    expect(readFileSync(join(scratch.electronDir, 'path.txt'), 'utf8')).toBe(executableName);
    expect(p).toMatchObject({
      kind: 'desktop',
      command: join(scratch.electronDir, 'dist', executableName),
    });
    expect(await run(p)).toBe(0);

    const record = JSON.parse(readFileSync(join(scratch.root, 'electron-run.json'), 'utf8')) as {
      argv: string[];
      env: Record<string, string>;
    };
    const native = join(
      scratch.root,
      'node_modules',
      '.electron-native',
      version,
      'better_sqlite3.node',
    );
    expect(record.argv).toEqual([scratch.root, '--data', '/srv/isp']);
    expect(record.env.ISPDESK_NATIVE_BINDING).toBe(native);
    expect(readFileSync(native, 'utf8')).toBe(`built for Electron ${version}`);
    // Built from a copy inside node_modules, which is gone afterwards; the package itself untouched.
    expect(builds).toHaveLength(1);
    expect(builds[0]?.moduleDir).not.toBe(join(scratch.root, 'node_modules', 'better-sqlite3'));
    expect(existsSync(builds[0]?.workDir ?? '')).toBe(false);
    expect(existsSync(join(scratch.root, 'node_modules', 'better-sqlite3', 'build'))).toBe(false);
    expect(lines[0]).toContain(`Downloading Electron ${version}`);

    // The second start finds both and fetches nothing.
    await mirror?.close();
    const again = await plan('not-found');
    expect(again.kind).toBe('desktop');
    expect(mirror?.requests).toEqual([]);
    expect(builds).toHaveLength(1);
  });

  it('falls back to headless with the reason when the mirror answers 404', async () => {
    const p = await plan('not-found', ['--port', '0']);
    expect(p.kind).toBe('headless');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^ISP Desk runs headless because Electron ${version} could not be downloaded: .*404.*ELECTRON_MIRROR`,
      ),
    );
    expect(await run(p)).toBe(0);
    expect(JSON.parse(readFileSync(join(scratch.root, 'headless-run.json'), 'utf8'))).toEqual([
      '--port',
      '0',
    ]);
    expect(existsSync(join(scratch.electronDir, 'path.txt'))).toBe(false);
    expect(builds).toEqual([]);
  });

  it('gives up on a mirror that never answers once nothing has arrived for the limit', async () => {
    const p = await plan('silent', [], 2_000);
    // The installer asked for the zip (unless the limit passed before it got that far) and waited.
    expect([[], [`/v${version}/${zipName}`]]).toContainEqual(mirror?.requests);
    expect(p.kind).toBe('headless');
    expect(lines.at(-1)).toContain('the download was stopped: nothing arrived for 2 s');
  });

  it('refuses a download whose checksum does not match', async () => {
    const p = await plan('bad-checksum');
    expect(p.kind).toBe('headless');
    expect(lines.at(-1)).toMatch(/could not be downloaded: .*checksum/i);
    expect(existsSync(join(scratch.electronDir, 'path.txt'))).toBe(false);
  });

  it('--desktop refuses with the reason instead of falling back; --headless never tries', async () => {
    const refused = await plan('not-found', ['--desktop']);
    expect(refused).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('404') as unknown,
    });
    await mirror?.close();

    const headless = await plan('serve', ['--headless', '--port', '0']);
    expect(headless).toMatchObject({
      kind: 'headless',
      args: [join(scratch.root, 'headless.js'), '--port', '0'],
    });
    expect(mirror?.requests).toEqual([]);
    expect(lines.filter((l) => l.includes('Downloading'))).toHaveLength(1);
  });

  it('says when the module cannot be built, and serves headless (or refuses with --desktop)', async () => {
    let fail = true;
    const failing: NativeBuilder = (job) =>
      fail ? Promise.resolve({ ok: false, reason: 'gyp: no headers' }) : buildNative(job);
    const p = await plan('serve', [], undefined, failing);
    expect(p.kind).toBe('headless');
    expect(lines.at(-1)).toBe(
      `ISP Desk runs headless because the database module could not be built for Electron ${version}: gyp: no headers. Open the address below in a browser.`,
    );
    await mirror?.close();
    const refused = await plan('not-found', ['--desktop'], undefined, failing);
    expect(refused).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('gyp: no headers') as unknown,
    });
    fail = false;
    expect((await plan('not-found', [], undefined, failing)).kind).toBe('desktop');
  });
});

describe('launch choice', () => {
  it('takes --desktop and --headless off the command line', () => {
    expect(takeLaunchChoice(['--desktop', '--port', '1'])).toEqual({
      choice: 'desktop',
      rest: ['--port', '1'],
    });
    expect(takeLaunchChoice(['--headless'])).toEqual({ choice: 'headless', rest: [] });
    expect(takeLaunchChoice(['--demo'])).toEqual({ choice: 'auto', rest: ['--demo'] });
    expect(() => takeLaunchChoice(['--desktop', '--headless'])).toThrow('cannot both be given');
  });
});

describe('download progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    const out = { isTTY, write: (text: string) => written.push(text) > 0 };
    return { out: out as unknown as NodeJS.WriteStream, written };
  };

  it('rewrites one line on a terminal, and prints a line every 5 s into a log', () => {
    const tty = stream(true);
    const onTty = progressPrinter(tty.out);
    onTty(1_048_576);
    onTty(15_728_640);
    expect(tty.written).toEqual(['\r  1.0 MB received', '\r  15.0 MB received']);

    let now = 10_000;
    const log = stream(false);
    const onLog = progressPrinter(log.out, () => now);
    onLog(1_048_576);
    now += 4_999;
    onLog(2_097_152);
    now += 1;
    onLog(3_145_728);
    expect(log.written).toEqual(['  1.0 MB received\n', '  3.0 MB received\n']);
  });
});
