import { parseLaunchArgs } from '../launch/launch-args';
import { prepareProcess } from '../launch/process-setup';
import { logCheckpoints } from './log-checkpoints';
import { logVerify } from './log-verify';

// Owner-only files (an export, a checkpoint list); output piped to `head` cannot throw.
prepareProcess();

const USAGE = `Usage: npm run cli -- <command> [--data DIR]

Commands:
  log verify [--archive FILE]   Check the activity log's hash chain (or an archive file's);
                                names the first entry that fails.
  log checkpoints               Print the signed chain checkpoints and the public key, to keep
                                outside the database.`;

const main = async (): Promise<number> => {
  const args = parseLaunchArgs(process.argv.slice(2), process.env);
  const archiveAt = args.rest.indexOf('--archive');
  const archive = archiveAt >= 0 ? args.rest[archiveAt + 1] : undefined;
  if (archiveAt >= 0) args.rest.splice(archiveAt, 2);
  const command = args.rest.join(' ');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'log verify':
      return logVerify(args.dataDir, out, archive);
    case 'log checkpoints':
      return logCheckpoints(args.dataDir, out);
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
