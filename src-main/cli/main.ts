import { parseLaunchArgs } from '../launch/launch-args';
import { prepareProcess } from '../launch/process-setup';
import { logBundle } from './log-bundle';
import { logCheckpoints } from './log-checkpoints';
import { logVerify } from './log-verify';

// Owner-only files (an export, a checkpoint list); output piped to `head` cannot throw.
prepareProcess();

const USAGE = `Usage: npm run cli -- <command> [--data DIR]

Commands:
  log verify [--archive FILE]   Check the activity log's hash chain (or an archive file's);
                                names the first entry that fails.
  log checkpoints               Print the signed chain checkpoints and the public key, to keep
                                outside the database.
  log bundle --from DATE --to DATE --out FILE [--text WORDS] [--archive FILE]
                                An evidence bundle for an auditor: the range's entries (NDJSON,
                                CSV), the hash chain and signed checkpoints that prove them, and a
                                Python check. Dates are whole days in the office's time zone
                                (2026-11-30) or times with an offset (2026-11-30T08:00:00+03:00).`;

const main = async (): Promise<number> => {
  const args = parseLaunchArgs(process.argv.slice(2), process.env);
  /** Takes `--name VALUE` out of the arguments. */
  const option = (name: string): string | undefined => {
    const at = args.rest.indexOf(`--${name}`);
    if (at < 0) return undefined;
    const [, value] = args.rest.splice(at, 2);
    return value;
  };
  const archive = option('archive');
  const bundle = {
    from: option('from'),
    to: option('to'),
    out: option('out'),
    text: option('text'),
  };
  const command = args.rest.join(' ');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'log verify':
      return logVerify(args.dataDir, out, archive);
    case 'log checkpoints':
      return logCheckpoints(args.dataDir, out);
    case 'log bundle': {
      const { from, to, out: file, text } = bundle;
      if (!from || !to || !file) {
        out(`log bundle needs --from, --to and --out.\n\n${USAGE}`);
        return 2;
      }
      return logBundle(
        args.dataDir,
        { from, to, out: file, ...(text ? { text } : {}), ...(archive ? { archive } : {}) },
        out,
      );
    }
    default:
      out(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
      return 2;
  }
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
