import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accepts, freePort } from './rsyslog-receiver';

/** Debian's python3 (with python3-aiosmtpd); another python3 on PATH may lack the module. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** An aiosmtpd handler that writes each message, whole, to a file in the folder it is given. */
const HANDLER = `import itertools, os

class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        tmp = os.path.join(self.folder, '.%d.tmp' % n)
        with open(tmp, 'wb') as f:
            f.write(envelope.content)
        os.rename(tmp, os.path.join(self.folder, '%d.eml' % n))
        return '250 Message accepted for delivery'
`;

/**
 * A real SMTP server (Debian's aiosmtpd, `python3 -m aiosmtpd -n`) on a loopback port, writing
 * each message it accepts to `<dir>/mail/N.eml`. `start` may come after the app first tried it.
 */
export const createSmtpReceiver = async (dir: string) => {
  const port = await freePort();
  const mail = join(dir, 'mail');
  mkdirSync(mail, { recursive: true });
  writeFileSync(join(dir, 'mailsink.py'), HANDLER);
  let child: ReturnType<typeof spawn> | null = null;
  return {
    port,
    start: async (): Promise<void> => {
      const proc = spawn(
        PYTHON,
        [
          '-m',
          'aiosmtpd',
          '-n',
          '-l',
          `127.0.0.1:${String(port)}`,
          '-c',
          'mailsink.SaveToFolder',
          mail,
        ],
        { stdio: 'ignore', env: { ...process.env, PYTHONPATH: dir } },
      );
      child = proc;
      const exited = new Promise<never>((_, reject) =>
        proc.once('exit', (code) => reject(new Error(`aiosmtpd exited (${String(code)})`))),
      );
      // Ready when it accepts a connection: checked, never a fixed wait.
      const ready = (async () => {
        while (!(await accepts(port))) await new Promise((r) => setTimeout(r, 20));
      })();
      await Promise.race([ready, exited]);
    },
    /** The messages received so far, as raw RFC 5322 text, in order. */
    messages: (): string[] =>
      readdirSync(mail)
        .filter((f) => f.endsWith('.eml'))
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
        .map((f) => readFileSync(join(mail, f), 'utf8')),
    stop: async (): Promise<void> => {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      await gone;
    },
  };
};
