import { consoleLogger, writeLine } from '../core/shared/logger';
import { bundlePaths } from '../launch/app-paths';
import { parseLaunchArgs } from '../launch/launch-args';
import { openOfficeHost } from '../launch/office-host';
import { prepareProcess } from '../launch/process-setup';
import { stopOnSignal } from '../launch/stop-on-signal';
import { APP_VERSION } from '../launch/version';
import { createHttpServer } from './http-server';
import { readTlsFiles } from './tls-files';

// Before anything is created, printed or listened on: owner-only files, output that cannot
// throw, and signal handlers (a stop at any moment after this is clean).
prepareProcess();
const say = (line: string) => writeLine(process.stdout, line);
const stops = stopOnSignal({ say, exit: (code) => process.exit(code) });

/** The headless server: the core plus the HTTP transport, for browsers on this or other machines. */
const main = async () => {
  const args = parseLaunchArgs(process.argv.slice(2), process.env);
  const tls = args.tls ? readTlsFiles(args.tls) : undefined;
  const paths = bundlePaths(__dirname);
  const base = {
    migrationsFolder: paths.migrationsFolder,
    mode: 'headless' as const,
    version: APP_VERSION,
    activityReader: { workerFile: paths.activityReader },
    taskThreads: { workerFile: paths.taskThreads },
    passwordHasher: { workerFile: paths.passwordHasher },
  };
  // The core first (--demo serves the demo office; otherwise the office, whose first-run screen
  // may switch to it): a database that cannot be used never gets as far as a listening port.
  const host = await stops.opening('office', openOfficeHost(args, base, say), (h) => h.stop());
  if (stops.requested()) return;
  host.core.start();
  const server = createHttpServer({
    host,
    rendererDir: paths.rendererDir,
    ...(tls ? { tls } : {}),
  });
  const listening = server.listen(args.port, args.host).catch((e: unknown) => {
    throw new Error(`Cannot listen on ${args.host}:${String(args.port)}: ${(e as Error).message}`);
  });
  const address = await stops.opening('HTTP server', listening, () => server.close());
  if (stops.requested()) return;
  say(`ISP Desk is serving at ${address.url} (data folder: ${args.dataDir})`);
};

// One faulty request must not take every workstation offline: log and keep serving.
process.on('uncaughtException', (e) =>
  consoleLogger.error('uncaught exception', { error: e.stack }),
);
process.on('unhandledRejection', (e) =>
  consoleLogger.error('unhandled rejection', {
    error: e instanceof Error ? e.stack : String(e),
  }),
);

main().catch(async (e: unknown) => {
  // Whatever start-up got as far as opening is closed again (the data folder unlocked); the
  // problem is one plain line (database, data folder in use or not writable, port taken).
  await stops.stop(null);
  writeLine(process.stderr, `ISP Desk cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
