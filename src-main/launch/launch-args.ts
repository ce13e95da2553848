import { join } from 'node:path';
import { defaultDataDir } from './app-paths';

export type LaunchArgs = {
  /** The folder this run opens (the demo folder with --demo). */
  dataDir: string;
  /** --demo: the demo office, never the real office's folder. */
  demo: boolean;
  /** Where the demo office lives: `<office folder>/demo`, or --data itself with --demo. */
  demoDir: string;
  /**
   * The office "Leave demo" goes back to: the data folder; with --demo, the office folder
   * (ISPDESK_DATA or the per-user one), never the demo folder.
   */
  officeDir: string;
  port: number;
  host: string;
  /** --tls-cert FILE and --tls-key FILE (or ISPDESK_TLS_CERT / ISPDESK_TLS_KEY): serve HTTPS. */
  tls?: { cert: string; key: string };
  rest: string[];
};

export const DEFAULT_PORT = 5180;

/**
 * `--data DIR` (or ISPDESK_DATA), `--port N`, `--host ADDR`, `--demo`, `--tls-cert FILE` and
 * `--tls-key FILE` (or ISPDESK_TLS_CERT and ISPDESK_TLS_KEY); the headless server listens
 * on 127.0.0.1 unless told otherwise. With --demo the data folder is `<office folder>/demo`
 * unless --data names one (ISPDESK_DATA is taken to be the real office, so never used as is).
 * Throws with a readable message on bad values.
 */
export const parseLaunchArgs = (argv: readonly string[], env: NodeJS.ProcessEnv): LaunchArgs => {
  const office = env.ISPDESK_DATA ?? defaultDataDir(env);
  let data: string | null = null;
  let cert = env.ISPDESK_TLS_CERT || undefined;
  let key = env.ISPDESK_TLS_KEY || undefined;
  const out: LaunchArgs = {
    dataDir: office,
    demo: false,
    demoDir: '',
    officeDir: office,
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
        data = value();
        break;
      case '--demo':
        if (inline !== undefined) throw new Error('--demo takes no value');
        out.demo = true;
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
      case '--tls-cert':
        cert = value();
        break;
      case '--tls-key':
        key = value();
        break;
      default:
        out.rest.push(arg);
    }
  }
  if ((cert === undefined) !== (key === undefined)) {
    throw new Error('--tls-cert and --tls-key go together: give both files, or neither');
  }
  if (cert !== undefined && key !== undefined) out.tls = { cert, key };
  if (out.demo) {
    out.dataDir = data ?? join(office, 'demo');
    out.demoDir = out.dataDir;
  } else {
    out.dataDir = data ?? office;
    out.demoDir = join(out.dataDir, 'demo');
    out.officeDir = out.dataDir;
  }
  return out;
};
