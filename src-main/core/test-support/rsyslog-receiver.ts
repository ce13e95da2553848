import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

const SBIN = '/usr/sbin/rsyslogd';

/** A free loopback port (the OS picks one; the tiny race with other tests is accepted). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });

/** Whether something accepts a TCP connection on the loopback port now. */
export const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * A real rsyslog (Debian's `rsyslogd`, unprivileged, in the foreground) listening with imtcp on
 * a loopback port and writing every message exactly as received, one per line, to out.log.
 */
export const createRsyslog = async (dir: string) => {
  const port = await freePort();
  const out = join(dir, 'out.log');
  const conf = join(dir, 'rsyslog.conf');
  writeFileSync(
    conf,
    [
      `global(workDirectory="${dir}")`,
      'module(load="imtcp")',
      `input(type="imtcp" port="${String(port)}" address="127.0.0.1")`,
      'template(name="raw" type="string" string="%rawmsg%\\n")',
      `action(type="omfile" file="${out}" template="raw")`,
      '',
    ].join('\n'),
  );
  let child: ReturnType<typeof spawn> | null = null;

  const start = async (): Promise<void> => {
    const proc = spawn(
      existsSync(SBIN) ? SBIN : 'rsyslogd',
      ['-n', '-f', conf, '-i', join(dir, 'rsyslogd.pid')],
      {
        stdio: 'ignore',
      },
    );
    child = proc;
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code) => reject(new Error(`rsyslogd exited (${String(code)})`))),
    );
    // Ready when it accepts a connection: checked, never a fixed wait.
    const ready = (async () => {
      while (!(await accepts(port))) await new Promise((r) => setTimeout(r, 20));
    })();
    await Promise.race([ready, exited]);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    await gone;
  };

  return {
    port,
    start,
    stop,
    /** Every message received so far, in arrival order. */
    lines: (): string[] =>
      existsSync(out)
        ? readFileSync(out, 'utf8')
            .split('\n')
            .filter((l) => l !== '')
        : [],
  };
};

export type Rsyslog = Awaited<ReturnType<typeof createRsyslog>>;
