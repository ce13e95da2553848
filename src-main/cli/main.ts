import { parseLaunchArgs } from '../launch/launch-args';
import { logVerify } from './log-verify';

const USAGE = `Usage: npm run cli -- <command> [--data DIR]

Commands:
  log verify    Check the activity log's hash chain; names the first entry that fails.`;

const main = async (): Promise<number> => {
  const args = parseLaunchArgs(process.argv.slice(2), process.env);
  const command = args.rest.join(' ');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'log verify':
      return logVerify(args.dataDir, out);
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
