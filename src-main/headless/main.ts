import { DatabaseStartupError } from '../core/db/startup-error';
import { DemoFolderError } from '../demo/demo-folder';
import { bundlePaths } from '../launch/app-paths';
import { parseLaunchArgs } from '../launch/launch-args';
import { openOfficeHost } from '../launch/office-host';
import { APP_VERSION } from '../launch/version';
import { createHttpServer } from './http-server';
import { readTlsFiles, TlsSetupError } from './tls-files';

const say = (line: string) => process.stdout.write(`${line}\n`);

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
    passwordHasher: { workerFile: paths.passwordHasher },
  };
  // --demo serves the demo office; otherwise the office, whose first-run screen may switch to it.
  const host = await openOfficeHost(args, base, say);
  const server = createHttpServer({
    host,
    rendererDir: paths.rendererDir,
    ...(tls ? { tls } : {}),
  });
  let address;
  try {
    address = await server.listen(args.port, args.host);
  } catch (e) {
    await host.stop();
    throw new Error(`Cannot listen on ${args.host}:${String(args.port)}: ${(e as Error).message}`);
  }
  host.core.start();
  say(`ISP Desk is serving at ${address.url} (data folder: ${args.dataDir})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`ISP Desk stopping (${signal})`);
    void server
      .close()
      .then(() => host.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // One faulty request must not take every workstation offline: log and keep serving.
  process.on('uncaughtException', (e) =>
    host.core.logger.error('uncaught exception', { error: e.stack }),
  );
  process.on('unhandledRejection', (e) =>
    host.core.logger.error('unhandled rejection', {
      error: e instanceof Error ? e.stack : String(e),
    }),
  );
};

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  // Startup problems (database, data folder in use, port taken) are reported in one plain line.
  const plain = [DatabaseStartupError, DemoFolderError, TlsSetupError].some((k) => e instanceof k);
  if (!plain) console.error(e);
  process.stderr.write(`ISP Desk cannot start: ${message}\n`);
  process.exit(1);
});
