import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { In, Out } from '../../contract/api';
import type { ProcedureName } from '../../contract/channels';
import type { ErrorCode, Result, SerializedError } from '../../contract/errors';
import type { ActivityEntry } from '../../contract/schemas/activity';
import type { Role } from '../../contract/roles';
import type { CallContext } from '../../transport/call-context';
import { createDispatch, type Dispatch } from '../../transport/dispatch';
import { ACTIVITY_COLUMNS, toEntry, type ActivityRow } from '../activity/activity-row';
import type { AuthPolicy } from '../auth/auth-policy';
import type { ScryptParams } from '../auth/password-hash';
import { DATABASE_FILE, type CoreConfig } from '../config';
import type { Sqlite } from '../db/open-database';
import { createCoreWithInternals, type Core, type CoreInternals } from '../create-core';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';

/** The real migrations folder at the repository root. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

export { READER_FROM_SOURCE, TASKS_FROM_SOURCE } from './source-workers';

/** Cheap scrypt for tests; one test checks that the default policy meets OWASP. */
export const CHEAP_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

/** What System entries carry in tests (TEST-NET-1, so it is never a real address). */
export const TEST_HOST = { ip: '192.0.2.10', name: 'office-server' };

/** 2030-01-15 09:00 UTC: far from any real "now", so a stray Date.now() shows up. */
export const T0 = Date.UTC(2030, 0, 15, 9, 0, 0);

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** A fresh empty folder under the OS temp folder. */
export const makeTempDir = (label = 'core'): string =>
  mkdtempSync(join(tmpdir(), `ispdesk-${label}-`));

/** Removes a folder made by makeTempDir once the current test has finished. */
export const tempDirForTest = (label?: string): string => {
  const dir = makeTempDir(label);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

export type FakeClock = Clock & {
  /** Moves time to `ms` (uptime moves alike: time passed, no clock change). */
  set(ms: number): void;
  advance(ms: number): void;
  /** Someone sets the computer's clock by `ms` (negative: back); the uptime does not move. */
  jump(ms: number): void;
  /** Every delay `sleep` was asked for, in order. Sleeping advances the clock and returns at once. */
  readonly sleeps: number[];
};

export const createFakeClock = (start = T0): FakeClock => {
  let now = start;
  let skew = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    uptimeMs: () => now - start - skew,
    jump: (ms) => {
      now += ms;
      skew += ms;
    },
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
};

export type LogLine = {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
};

/** A Logger that keeps what it is told, so a test can read what the process would print. */
export const createCapturingLogger = (): Logger & { lines: LogLine[] } => {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push(fields === undefined ? { level, message } : { level, message, fields });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
};

export type TestCoreOptions = {
  dataDir?: string;
  migrationsFolder?: string;
  clock?: FakeClock;
  authPolicy?: Partial<AuthPolicy>;
  background?: boolean;
  host?: CoreConfig['host'];
  network?: CoreConfig['network'];
  activityReader?: CoreConfig['activityReader'];
  /** No limit unless given: a loaded machine must not turn exact counts into partial ones. */
  activityTextBudgetMs?: number;
  readDiskSpace?: CoreConfig['readDiskSpace'];
  passwordHasher?: CoreConfig['passwordHasher'];
  sharing?: CoreConfig['sharing'];
  retention?: CoreConfig['retention'];
  taskThreads?: CoreConfig['taskThreads'];
  importSlicing?: CoreConfig['importSlicing'];
  forwarding?: CoreConfig['forwarding'];
  alertMail?: CoreConfig['alertMail'];
  /** false: no fsync per commit (tests that write thousands of entries one by one). */
  flushEachCommit?: boolean;
};

export type TestClient = {
  /** The CallContext handed to the dispatcher; `sessionToken` follows sign-in and sign-out. */
  readonly ctx: CallContext & { sessionToken: string | null };
  call<K extends ProcedureName>(name: K, input: In<K>): Promise<Result<Out<K>>>;
  /** Any name, any input: for the "bad input" and "unknown procedure" paths. */
  raw(name: string, input: unknown): Promise<Result<unknown>>;
};

/**
 * A core as tests see it: the app's `Core` plus its database connection, write transaction and
 * recorder, which nothing outside the core and its tests can reach.
 */
export type CoreUnderTest = Core & CoreInternals;

/** createCore for a test: the same core, with its internals beside it. */
export const createCoreUnderTest = (config: CoreConfig): CoreUnderTest => {
  const { core, internals } = createCoreWithInternals(config);
  return { ...core, ...internals };
};

export type TestCore = {
  core: CoreUnderTest;
  clock: FakeClock;
  logger: ReturnType<typeof createCapturingLogger>;
  dataDir: string;
  /** The dispatcher both transports use, checking every output against the contract. */
  dispatch: Dispatch;
  client(where?: { ip?: string | null; workstation?: string | null }): TestClient;
  /** Stops the core (once) and, unless the data folder was given, removes it. */
  close(): Promise<void>;
};

/**
 * A core on a temp data folder with the real migrations, a fake clock, cheap scrypt and no time
 * budget on text-filtered log counts.
 */
export const createTestCore = (opts: TestCoreOptions = {}): TestCore => {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? makeTempDir();
  const clock = opts.clock ?? createFakeClock();
  const logger = createCapturingLogger();
  let core: CoreUnderTest;
  try {
    core = createCoreUnderTest({
      dataDir,
      migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER,
      mode: 'test',
      version: 'test',
      clock,
      logger,
      host: opts.host ?? TEST_HOST,
      authPolicy: { scrypt: CHEAP_SCRYPT, ...opts.authPolicy },
      background: opts.background ?? false,
      ...(opts.network ? { network: opts.network } : {}),
      ...(opts.activityReader ? { activityReader: opts.activityReader } : {}),
      activityTextBudgetMs: opts.activityTextBudgetMs ?? Infinity,
      ...(opts.readDiskSpace ? { readDiskSpace: opts.readDiskSpace } : {}),
      ...(opts.passwordHasher ? { passwordHasher: opts.passwordHasher } : {}),
      ...(opts.sharing ? { sharing: opts.sharing } : {}),
      ...(opts.retention ? { retention: opts.retention } : {}),
      ...(opts.taskThreads ? { taskThreads: opts.taskThreads } : {}),
      ...(opts.importSlicing ? { importSlicing: opts.importSlicing } : {}),
      ...(opts.forwarding ? { forwarding: opts.forwarding } : {}),
      ...(opts.alertMail ? { alertMail: opts.alertMail } : {}),
      ...(opts.flushEachCommit === undefined ? {} : { flushEachCommit: opts.flushEachCommit }),
    });
  } catch (e) {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const dispatch = createDispatch(core, { validateOutput: true });
  let closed = false;
  return {
    core,
    clock,
    logger,
    dataDir,
    dispatch,
    client: (where = {}) => createClient(dispatch, where),
    close: async () => {
      if (closed) return;
      closed = true;
      await core.stop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** createTestCore, cleaned up when the current test finishes. Call it inside a test. */
export const testCore = (opts: TestCoreOptions = {}): TestCore => {
  const tc = createTestCore(opts);
  onTestFinished(() => tc.close());
  return tc;
};

export const createClient = (
  dispatch: Pick<Dispatch, 'call'>,
  where: { ip?: string | null; workstation?: string | null } = {},
): TestClient => {
  const ctx: TestClient['ctx'] = {
    sessionToken: null,
    ip: where.ip === undefined ? '10.0.0.5' : where.ip,
    workstation: where.workstation === undefined ? 'Front desk' : where.workstation,
    setSessionToken: (token) => {
      ctx.sessionToken = token;
    },
  };
  return {
    ctx,
    // The dispatcher was built with validateOutput, so a success value has the contract's shape.
    call: async (name, input) =>
      (await dispatch.call(name, input, ctx)) as Result<Out<typeof name>>,
    raw: (name, input) => dispatch.call(name, input, ctx),
  };
};

/** The value of a successful Result; a failure fails the test with its code and message. */
export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** The error of a failed Result, checked to carry `code`. */
export const failure = (r: Result<unknown>, code: ErrorCode): SerializedError => {
  if (r.ok) throw new Error(`expected ${code}, got success: ${JSON.stringify(r.value)}`);
  if (r.error.code !== code) {
    throw new Error(`expected ${code}, got ${r.error.code}: ${r.error.message}`);
  }
  return r.error;
};

export const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  password: 'correct horse battery staple',
} as const;

/** Runs first-run setup through the dispatcher; the returned client holds the admin's session. */
export const signInAdmin = async (
  tc: TestCore,
  where?: { ip?: string | null; workstation?: string | null },
): Promise<TestClient> => {
  const admin = tc.client(where);
  unwrap(await admin.call('auth.setup', { ...ADMIN }));
  return admin;
};

export const staffPassword = (username: string): string => `${username}-Pa55word!`;
/** The temporary password an administrator gives a new account (it must be changed at sign-in). */
export const temporaryPassword = (username: string): string => `first-day ${username} Xq7!`;

/**
 * Has the admin create an account, then signs it in from its own client and changes the
 * temporary password to `staffPassword(username)` (a session may do nothing else before that).
 * With `keepTemporaryPassword`, the session is left signed in with the temporary password.
 */
export const addStaff = async (
  tc: TestCore,
  admin: TestClient,
  username: string,
  role: Role,
  where?: { ip?: string | null; workstation?: string | null },
  opts: { keepTemporaryPassword?: boolean } = {},
): Promise<{ client: TestClient; id: number }> => {
  const created = unwrap(
    await admin.call('staff.create', {
      username,
      displayName: `${username[0]?.toUpperCase() ?? ''}${username.slice(1)} Staff`,
      role,
      password: temporaryPassword(username),
    }),
  );
  const client = tc.client(where);
  unwrap(await client.call('auth.login', { username, password: temporaryPassword(username) }));
  if (!opts.keepTemporaryPassword) {
    unwrap(
      await client.call('auth.changePassword', {
        currentPassword: temporaryPassword(username),
        newPassword: staffPassword(username),
      }),
    );
  }
  return { client, id: created.id };
};

/** A core under test, or a read-only connection to a data folder's database. */
export type WithDatabase = { sqlite: Sqlite };

/**
 * A read-only connection to the database in `dataDir`, closed when the current test finishes: for
 * tests of cores the app itself creates (the demo office, the launcher's host).
 */
export const readDataDir = (dataDir: string): WithDatabase => {
  const sqlite = new Database(join(dataDir, DATABASE_FILE), {
    readonly: true,
    fileMustExist: true,
  });
  onTestFinished(() => {
    sqlite.close();
  });
  return { sqlite };
};

/** Every stored row of the log, oldest first, read straight from SQLite. */
export const logRows = (core: WithDatabase): ActivityRow[] =>
  core.sqlite
    .prepare<[], ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activity_log ORDER BY id`)
    .all();

export const logEntries = (core: WithDatabase): ActivityEntry[] => logRows(core).map(toEntry);

export const entriesOf = (core: WithDatabase, event: string): ActivityEntry[] =>
  logEntries(core).filter((e) => e.event === event);

export const lastEntry = (core: WithDatabase): ActivityEntry | undefined => logEntries(core).at(-1);

/** Everything the app writes, as text: equal snapshots mean nothing was written in between. */
export const dbSnapshot = (core: WithDatabase): string =>
  JSON.stringify({
    activity: core.sqlite.prepare('SELECT id, row_hash FROM activity_log ORDER BY id').all(),
    staff: core.sqlite.prepare('SELECT * FROM staff ORDER BY id').all(),
    sessions: core.sqlite.prepare('SELECT * FROM sessions ORDER BY id').all(),
    settings: core.sqlite.prepare('SELECT * FROM settings ORDER BY key').all(),
  });
