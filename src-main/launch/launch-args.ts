import { defaultDataDir } from './app-paths';

export type LaunchArgs = { dataDir: string; port: number; host: string; rest: string[] };

export const DEFAULT_PORT = 5180;

/**
 * `--data DIR` (or ISPDESK_DATA), `--port N`, `--host ADDR`; the headless server listens on
 * 127.0.0.1 unless told otherwise. Throws with a readable message on bad values.
 */
export const parseLaunchArgs = (argv: readonly string[], env: NodeJS.ProcessEnv): LaunchArgs => {
  const out: LaunchArgs = {
    dataDir: env.ISPDESK_DATA ?? defaultDataDir(env),
    port: DEFAULT_PORT,
    host: '127.0.0.1',
    rest: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data':
        out.dataDir = value();
        break;
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port must be a number from 0 to 65535, not "${v}"`);
        }
        out.port = port;
        break;
      }
      case '--host':
        out.host = value();
        break;
      default:
        out.rest.push(arg);
    }
  }
  return out;
};
