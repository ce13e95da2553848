import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logBundle, parseBound } from './log-bundle';
import { memorySink } from '../core/test-support/activity-fixtures';
import {
  addStaff,
  ADMIN,
  entriesOf,
  failure,
  HOUR,
  makeTempDir,
  signInAdmin,
  TASKS_FROM_SOURCE,
  testCore,
  unwrap,
  type TestCore,
  type TestCoreOptions,
} from '../core/test-support/test-core';

const DAY = 24 * HOUR;
const ZONE = 'Africa/Nairobi';

/** Ten days of sign-ins from different addresses, a signed checkpoint at the end of each day. */
const officeWithTenDays = async (opts: TestCoreOptions = {}): Promise<TestCore> => {
  const tc = testCore(opts);
  const admin = await signInAdmin(tc);
  unwrap(await admin.call('settings.update', { timeZone: ZONE }));
  for (let day = 1; day <= 10; day++) {
    tc.clock.advance(DAY);
    const visitor = tc.client({ ip: `10.0.${String(day)}.7` });
    unwrap(await visitor.call('auth.login', { username: 'admin', password: ADMIN.password }));
    unwrap(await visitor.call('jobs.runNow', { name: 'activity.checkpoint' }));
  }
  return tc;
};

const adminOf = async (tc: TestCore) => {
  const admin = tc.client();
  unwrap(await admin.call('auth.login', { username: 'admin', password: ADMIN.password }));
  return admin;
};

/** The day `n` days after the test clock's start, as the office writes it. */
const dayOf = (tc: TestCore, daysBack: number): string =>
  new Date(tc.clock.now() - daysBack * DAY + 3 * HOUR).toISOString().slice(0, 10);

const makeBundle = async (tc: TestCore, args: { from: string; to: string; text?: string }) => {
  const dir = makeTempDir('bundle');
  const lines: string[] = [];
  const code = await logBundle(
    tc.dataDir,
    { ...args, out: join(dir, 'evidence.tar') },
    (l) => lines.push(l),
    tc.clock.now(),
  );
  return { dir, code, output: lines.join('\n'), tar: join(dir, 'evidence.tar') };
};

const extract = (tar: string, dir: string): string => {
  execFileSync('tar', ['xf', tar, '-C', dir]);
  return join(dir, 'evidence');
};

const check = (folder: string) => {
  const run = spawnSync('python3', [join(folder, 'verify_bundle.py')], { encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

const readLines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

/** Someone edits a file and, to cover it, the manifest's hash of it. */
const forgeFile = (folder: string, name: string, edit: (text: string) => string) => {
  const text = edit(readFileSync(join(folder, name), 'utf8'));
  writeFileSync(join(folder, name), text);
  const manifestFile = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    files: Record<string, string>;
  };
  manifest.files[name] = createHash('sha256').update(text).digest('hex');
  writeFileSync(manifestFile, JSON.stringify(manifest));
};

describe('evidence bundle (log bundle)', () => {
  it('holds the range, proven between signed checkpoints, and its own check passes', async () => {
    const tc = await officeWithTenDays();
    const { code, output, tar, dir } = await makeBundle(tc, {
      from: dayOf(tc, 6),
      to: dayOf(tc, 4),
    });
    expect(code, output).toBe(0);
    expect(output).toContain('Evidence bundle written');
    const folder = extract(tar, dir);
    expect(readdirSync(folder).sort()).toEqual([
      'README.txt',
      'chain.ndjson',
      'checkpoints.json',
      'entries.csv',
      'entries.ndjson',
      'manifest.json',
      'public-key.pem',
      'verify_bundle.py',
    ]);

    const entries = readLines(join(folder, 'entries.ndjson')).map(
      (l) => JSON.parse(l) as { id: number; ip: string | null; time: string },
    );
    // Three office days of sign-ins: the addresses of days 4, 5 and 6 only.
    expect(new Set(entries.map((e) => e.ip).filter((ip) => ip?.startsWith('10.')))).toEqual(
      new Set(['10.0.4.7', '10.0.5.7', '10.0.6.7']),
    );
    expect(entries[0]?.time).toMatch(/\+03:00$/);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
      chain: { afterId: number };
      before: { id: number; hash: string };
    };
    expect(manifest.chain.afterId).toBeGreaterThan(0); // starts at a stored checkpoint
    expect(manifest.before.id).toBe((entries[0]?.id ?? 0) - 1);
    expect(readLines(join(folder, 'entries.csv'))).toHaveLength(entries.length + 1);

    const ok = check(folder);
    expect(ok.output).toContain('VERIFIED');
    expect(ok.code).toBe(0);
  });

  it('fails its check after one byte of the bundle is changed', async () => {
    const tc = await officeWithTenDays();
    const { tar, dir } = await makeBundle(tc, { from: dayOf(tc, 6), to: dayOf(tc, 4) });
    const bytes = readFileSync(tar);
    // One byte inside an entry's description, as it sits in the tar file.
    const at = bytes.indexOf('admin signed in');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'A'.charCodeAt(0);
    writeFileSync(tar, bytes);
    const result = check(extract(tar, dir));
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/NOT VERIFIED/);
  });

  it('catches an altered entry even when the manifest is rewritten to match', async () => {
    const tc = await officeWithTenDays();
    const made = await makeBundle(tc, { from: dayOf(tc, 6), to: dayOf(tc, 4) });
    const folder = extract(made.tar, made.dir);
    forgeFile(folder, 'chain.ndjson', (t) => t.replace('10.0.5.7', '10.0.5.8'));
    expect(check(folder)).toMatchObject({ code: 1 });
    expect(check(folder).output).toMatch(/does not verify/);

    const again = await makeBundle(tc, { from: dayOf(tc, 6), to: dayOf(tc, 4) });
    const second = extract(again.tar, again.dir);
    forgeFile(second, 'entries.ndjson', (t) => t.replace('10.0.5.7', '10.0.5.8'));
    expect(check(second).output).toMatch(/differs from the verified chain/);

    const third = await makeBundle(tc, { from: dayOf(tc, 6), to: dayOf(tc, 4) });
    const folder3 = extract(third.tar, third.dir);
    // Dropping an entry from the listed range is caught too.
    forgeFile(folder3, 'entries.ndjson', (t) =>
      t
        .split('\n')
        .filter((_, i) => i !== 1)
        .join('\n'),
    );
    expect(check(folder3)).toMatchObject({ code: 1 });
  });

  it('narrows the listed entries with a text filter, the chain staying whole', async () => {
    const tc = await officeWithTenDays();
    const { tar, dir, code } = await makeBundle(tc, {
      from: dayOf(tc, 9),
      to: dayOf(tc, 0),
      text: 'checkpoint',
    });
    expect(code).toBe(0);
    const folder = extract(tar, dir);
    const listed = readLines(join(folder, 'entries.ndjson')).map(
      (l) => JSON.parse(l) as { description: string },
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => /checkpoint/i.test(e.description))).toBe(true);
    expect(readLines(join(folder, 'chain.ndjson')).length).toBeGreaterThan(listed.length);
    expect(check(folder)).toMatchObject({ code: 0 });
  });

  it('signs a checkpoint at the head when none covers the range yet', async () => {
    const tc = await officeWithTenDays();
    tc.clock.advance(HOUR);
    const late = tc.client({ ip: '10.9.9.9' });
    unwrap(await late.call('auth.login', { username: 'admin', password: ADMIN.password }));
    const { tar, dir, code } = await makeBundle(tc, { from: dayOf(tc, 1), to: dayOf(tc, 0) });
    expect(code).toBe(0);
    const folder = extract(tar, dir);
    const checkpoints = JSON.parse(readFileSync(join(folder, 'checkpoints.json'), 'utf8')) as {
      madeForBundle?: boolean;
    }[];
    expect(checkpoints.at(-1)?.madeForBundle).toBe(true);
    expect(check(folder)).toMatchObject({ code: 0 });
  });

  it('refuses a range without entries or with bad dates, writing nothing', async () => {
    const tc = await officeWithTenDays();
    const empty = await makeBundle(tc, { from: '2001-01-01', to: '2001-01-02' });
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.output).toContain('no entries in that range');
    expect(readdirSync(empty.dir)).toEqual([]);
    const bad = await makeBundle(tc, { from: '2030-02-31', to: '2030-03-01' });
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('is not a date');
  });

  it('reads dates as whole office days', () => {
    expect(parseBound('2030-01-15', ZONE, false)).toBe(Date.UTC(2030, 0, 14, 21));
    expect(parseBound('2030-01-15', ZONE, true)).toBe(Date.UTC(2030, 0, 15, 21) - 1);
    expect(parseBound('2030-01-15T08:00:00+03:00', ZONE, false)).toBe(Date.UTC(2030, 0, 15, 5));
    expect(() => parseBound('15/01/2030', ZONE, false)).toThrow(/neither a date/);
  });
});

describe('evidence bundle from the Activity Log (activity.bundle)', () => {
  it('is made on a task thread for an administrator, downloaded as one tar, and logged', async () => {
    const tc = await officeWithTenDays({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await adminOf(tc);
    const from = tc.clock.now() - 6 * DAY;
    const to = tc.clock.now() - 4 * DAY;
    const sink = memorySink();
    const result = unwrap(
      await tc.dispatch.download(
        'activity.bundle',
        { from, to, filter: { ip: '10.0.5.7' } },
        admin.ctx,
        sink.open,
      ),
    );
    expect(result?.rows).toBeGreaterThan(0);
    expect(sink.state).toMatchObject({ ended: true, aborted: false });
    expect(sink.state.file).toMatch(/^evidence-\d{8}-\d{8}\.tar$/);
    const dir = makeTempDir('bundle');
    const tar = join(dir, 'evidence.tar');
    writeFileSync(tar, Buffer.concat(sink.state.bytes));
    execFileSync('tar', ['xf', tar, '-C', dir]);
    const folder = join(dir, sink.state.file.replace(/\.tar$/, ''));
    expect(check(folder)).toMatchObject({ code: 0 });
    const listed = readLines(join(folder, 'entries.ndjson')).map(
      (l) => JSON.parse(l) as { ip: string },
    );
    expect(listed.every((e) => e.ip === '10.0.5.7')).toBe(true);

    const [logged] = entriesOf(tc.core, 'activity.bundled');
    expect(logged?.details).toMatchObject({ from, to, entries: result?.rows });
    expect(logged?.details).toHaveProperty('durationMs');
  });

  it('is for administrators only, and a bad range is a clear error', async () => {
    const tc = await officeWithTenDays();
    const admin = await adminOf(tc);
    const { client: viewer } = await addStaff(tc, admin, 'vera', 'viewer');
    const now = tc.clock.now();
    failure(
      await tc.dispatch.download(
        'activity.bundle',
        { from: 0, to: now },
        viewer.ctx,
        memorySink().open,
      ),
      'forbidden',
    );
    const backwards = failure(
      await tc.dispatch.download(
        'activity.bundle',
        { from: now, to: 0 },
        admin.ctx,
        memorySink().open,
      ),
      'validation',
    );
    expect(backwards.message).toMatch(/ends before it starts/);
    const sink = memorySink();
    failure(
      await tc.dispatch.download('activity.bundle', { from: 1, to: 2 }, admin.ctx, sink.open),
      'not_found',
    );
    expect(sink.state.file).toBe(''); // nothing was opened
  });
});
