import type { ImportSlicing } from './clients/client-import';
import type { Clock } from './shared/clock';
import type { ForwarderTiming } from './forwarding/forwarder';
import type { AlertMailTiming } from './alerts/alert-mail';
import type { Logger } from './shared/logger';
import type { AuthPolicy } from './auth/auth-policy';
import type { NetworkOptions } from './network-services';
import type { ReadDiskSpace } from './storage/disk-space';
import type { SharingPort } from './sharing/sharing-port';

export type CoreConfig = {
  /** Folder holding the database and everything else the app keeps. */
  dataDir: string;
  /** drizzle-kit's output folder (shipped next to the build). */
  migrationsFolder: string;
  /** How this process runs; written into the log at start and stop. */
  mode: 'electron' | 'headless' | 'cli' | 'test';
  version: string;
  clock?: Clock;
  logger?: Logger;
  authPolicy?: Partial<AuthPolicy>;
  /** Address and name for System entries; defaults to this machine's LAN address and hostname. */
  host?: { ip: string; name: string };
  /** better-sqlite3 built for Electron's ABI (see launch/electron-native.ts); Node's by default. */
  nativeBinding?: string;
  /** Start background jobs (session sweeper, health checks, queue, expiry, …). Off in most unit tests. */
  background?: boolean;
  /**
   * With `background`, schedule only these jobs (benchmarks: the database upkeep alone, so that
   * writes behave as in the app without a backup or an expiry run starting mid-measure).
   */
  backgroundJobs?: readonly string[];
  /**
   * Run the Activity Log screen's reads on reader threads (the built `activity-reader.js`), so
   * that no search blocks the main event loop. Unset: they run on the calling thread.
   */
  activityReader?: { workerFile: string; argv?: string[] };
  /**
   * Run long tasks (activity export and verify, the backup's copy and check) on threads of
   * their own (the built `background-task.js`). Unset: on the calling thread, in slices.
   */
  taskThreads?: { workerFile: string; argv?: string[] };
  /**
   * How the clients' CSV import writes: slices of at most `rows` rows (200) or `budgetMs` (10),
   * each its own transaction, with `breathe` between them (tests count and drive the slices).
   */
  importSlicing?: Partial<ImportSlicing>;
  /**
   * Milliseconds a text-filtered histogram or facet count of the activity log may take before it
   * answers with partial counts (150 unless set; `Infinity`: no limit, as tests run it, so that
   * their counts never depend on the machine's load).
   */
  activityTextBudgetMs?: number;
  /**
   * Hash passwords, and judge new ones' strength, on threads of their own (the built
   * `password-hasher.js`), so that a flood of sign-ins never holds libuv's shared pool and the
   * estimator never blocks the main thread. Unset: libuv's pool, and the estimator inline (the
   * CLI, unit tests).
   */
  passwordHasher?: { workerFile: string; argv?: string[]; threads?: number };
  /**
   * Retention's prune: entries removed per transaction (500 unless set), and a hook called after
   * each committed chunk with the last removed id (the crash test pauses the process there).
   */
  retention?: {
    pruneChunk?: number;
    afterPruneChunk?: (prunedUpTo: number) => Promise<void> | void;
  };
  /** Router timeouts and limits (tests shrink them; the poll bench observes polls). */
  network?: NetworkOptions;
  /** Free space on the data folder's disk (`fs.statfs` unless a test injects it). */
  readDiskSpace?: ReadDiskSpace;
  /** The desktop shell's server, for "Share this workstation with the office" (absent elsewhere). */
  sharing?: SharingPort;
  /** Retry and resend timing of log forwarding (tests shorten them); see forwarding/forwarder.ts. */
  forwarding?: Partial<ForwarderTiming>;
  /** Retry timing of alert emails (tests shorten it); see alerts/alert-mail.ts. */
  alertMail?: Partial<AlertMailTiming>;
  /**
   * `false`: commits are not flushed to disk one by one (SQLite's `synchronous = OFF`). Only for a
   * folder that is thrown away if the process dies, as the demo office is while it is seeded.
   */
  flushEachCommit?: boolean;
};

export const DATABASE_FILE = 'ispdesk.db';
