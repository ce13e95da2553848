import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export type SyslogTarget = {
  host: string;
  port: number;
  /** RFC 5425: the same octet-counted stream inside TLS, the server's certificate checked. */
  tls: boolean;
  /** PEM of the CA that signed the receiver's certificate (a private CA); empty: the system's. */
  tlsCa: string;
};

/** One open stream to a receiver. */
export type SyslogConnection = {
  /** Resolves once the bytes are handed to the operating system; rejects if the stream broke. */
  write(bytes: Buffer): Promise<void>;
  /** Whether the receiver closed the stream or it failed. */
  readonly closed: boolean;
  /** Sends what is buffered and closes. */
  end(): Promise<void>;
  destroy(): void;
};

/** Opens a TCP (or TLS) stream to a syslog receiver, or rejects with why it could not. */
export const openSyslogConnection = (
  target: SyslogTarget,
  timeoutMs: number,
  onClosed: () => void,
): Promise<SyslogConnection> =>
  new Promise((resolve, reject) => {
    const socket: Socket = target.tls
      ? tlsConnect({
          host: target.host,
          port: target.port,
          servername: target.host,
          ...(target.tlsCa ? { ca: target.tlsCa } : {}),
        })
      : tcpConnect({ host: target.host, port: target.port });
    let closed = false;
    let open = false;
    const timer = setTimeout(() => {
      socket.destroy(new Error(`no answer from ${target.host}:${String(target.port)} in time`));
    }, timeoutMs);
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (!open) reject(e);
    });
    socket.on('close', () => {
      closed = true;
      if (open) onClosed();
    });
    // A receiver never talks back; its end of the stream closing means it is gone.
    socket.on('end', () => socket.destroy());
    socket.on('data', () => undefined);
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      open = true;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      resolve({
        write: (bytes) =>
          new Promise<void>((done, fail) => {
            if (closed) {
              fail(new Error('the connection to the receiver is closed'));
              return;
            }
            socket.write(bytes, (e) => (e ? fail(e) : done()));
          }),
        get closed() {
          return closed;
        },
        end: () =>
          new Promise<void>((done) => {
            if (closed) {
              done();
              return;
            }
            socket.once('close', () => done());
            socket.end();
          }),
        destroy: () => socket.destroy(),
      });
    });
  });
