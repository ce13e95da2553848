/**
 * `npm run sim -- --routers N [--base-port P] [--version V] [--seed S] [--password W] [--api-ssl]
 * [--live] [--data isp|minimal]`: runs N simulated MikroTik routers on 127.0.0.1 for manual work
 * and demos, and prints each address and credential. Built as a CommonJS entry and run under plain Node.
 *
 * Standard input is a control channel (JSON lines, see control-channel.ts): PPPoE clients dial in
 * and hang up, and a router's API goes down and comes back with its configuration kept.
 */
import { parseArgs } from 'node:util';
import { startControlChannel } from './control-channel';
import { startDemoDynamics } from './demo-dynamics';
import { isVersionName, PROFILES, VERSION_NAMES } from './engine/profiles';
import { seededRandom } from '../domain/seeded-random';
import { realClock } from './engine/sim-clock';
import { RouterOsSimulator } from './server/routeros-simulator';

const USAGE = `usage: npm run sim -- --routers N [--base-port P] [--version ${VERSION_NAMES.join('|')}] [--seed S]
                       [--password W] [--api-ssl] [--live] [--data isp|minimal]

Standard input takes JSON lines: {"cmd":"connect","user":U,"password":P} (a PPPoE client dials
in), {"cmd":"disconnect","user":U}, {"cmd":"down"} / {"cmd":"up"} (the API goes away and comes
back on the same port, configuration kept); "router":N picks one. Replies: "control {…}" lines.`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
};

const intOption = (raw: string | undefined, name: string, fallback: number): number => {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a non-negative integer`);
  return Number(raw);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      routers: { type: 'string', default: '1' },
      'base-port': { type: 'string' },
      version: { type: 'string', default: '7.19' },
      seed: { type: 'string' },
      password: { type: 'string', default: 'admin' },
      'api-ssl': { type: 'boolean', default: false },
      live: { type: 'boolean', default: false },
      data: { type: 'string', default: 'isp' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const count = intOption(values.routers, 'routers', 1);
  if (count < 1 || count > 200) fail('--routers must be between 1 and 200');
  const basePort = intOption(values['base-port'], 'base-port', 8728);
  const seed = intOption(values.seed, 'seed', 1);
  const version = values.version;
  if (!isVersionName(version)) return fail(`unknown --version ${version}`);
  const password = values.password;
  const data = values.data;
  if (data !== 'isp' && data !== 'minimal') return fail(`unknown --data ${data}`);

  const sims: RouterOsSimulator[] = [];
  const stops: (() => void)[] = [];
  for (let i = 0; i < count; i++) {
    const sim = new RouterOsSimulator({
      version,
      seed: seed + i,
      clock: realClock,
      identity: `Router-${String(i + 1).padStart(2, '0')}`,
      users: [{ name: 'admin', password, group: 'full' }],
      data,
      port: basePort === 0 ? 0 : basePort + i,
      ...(values['api-ssl']
        ? { apiSsl: 'adh' as const, sslPort: basePort === 0 ? 0 : basePort + 1000 + i }
        : {}),
    });
    await sim.start();
    sims.push(sim);
    if (values.live) stops.push(startDemoDynamics(sim, seededRandom(seed * 7919 + i)));
    const ssl = values['api-ssl'] ? `  api-ssl (anonymous DH) 127.0.0.1:${sim.sslPort}` : '';
    process.stdout.write(
      `Router-${String(i + 1).padStart(2, '0')}  127.0.0.1:${sim.port}  user admin  password ${password}` +
        `  RouterOS ${PROFILES[version].version}${ssl}\n`,
    );
  }
  process.stdout.write(`${count} simulated router(s) running; Ctrl+C to stop.\n`);
  startControlChannel(sims, process.stdin, (line) => process.stdout.write(line));

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops) stop();
    void Promise.all(sims.map((s) => s.stop())).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
