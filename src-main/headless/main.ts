import { createCore } from '../core/create-core';
import { DatabaseStartupError } from '../core/db/startup-error';
import { createDispatch } from '../transport/dispatch';
import { bundlePaths } from '../launch/app-paths';
import { parseLaunchArgs } from '../launch/launch-args';
import { APP_VERSION } from '../launch/version';
import { createHttpServer } from './http-server';

/** The headless server: the core plus the HTTP transport, for browsers on this or other machines. */
const main = async () => {
  const args = parseLaunchArgs(process.argv.slice(2), process.env);
  const paths = bundlePaths(__dirname);
  const core = createCore({
    dataDir: args.dataDir,
    migrationsFolder: paths.migrationsFolder,
    mode: 'headless',
    version: APP_VERSION,
  });
  const server = createHttpServer({
    core,
    dispatch: createDispatch(core),
    rendererDir: paths.rendererDir,
  });
  let address;
  try {
    address = await server.listen(args.port, args.host);
  } catch (e) {
    await core.stop();
    throw new Error(`Cannot listen on ${args.host}:${String(args.port)}: ${(e as Error).message}`);
  }
  core.start();
  process.stdout.write(`ISP Desk is serving at ${address.url} (data folder: ${args.dataDir})\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`ISP Desk stopping (${signal})\n`);
    void server
      .close()
      .then(() => core.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // One faulty request must not take every workstation offline: log and keep serving.
  process.on('uncaughtException', (e) =>
    core.logger.error('uncaught exception', { error: e.stack }),
  );
  process.on('unhandledRejection', (e) =>
    core.logger.error('unhandled rejection', { error: e instanceof Error ? e.stack : String(e) }),
  );
};

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  // Startup problems (database, data folder in use, port taken) are reported in one plain line.
  if (!(e instanceof DatabaseStartupError)) console.error(e);
  process.stderr.write(`ISP Desk cannot start: ${message}\n`);
  process.exit(1);
});
