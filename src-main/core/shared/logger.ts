/** Diagnostic log of the process (stderr), not the audit trail. Never pass secrets to it. */
export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/**
 * Writes a line to the process's stdout or stderr, or drops it when nobody reads that stream any
 * more (a closed terminal, a dead `| tee`): diagnostics must never throw into the process.
 * The stream's 'error' events are handled by the entry point (launch/process-setup.ts).
 */
export const writeLine = (stream: NodeJS.WriteStream, line: string): void => {
  if (stream.destroyed || !stream.writable) return;
  try {
    stream.write(`${line}\n`);
  } catch {
    // EPIPE and friends: the reader is gone; the line is dropped.
  }
};

const write =
  (level: string) =>
  (message: string, fields?: Record<string, unknown>): void => {
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    writeLine(process.stderr, `${new Date().toISOString()} ${level} ${message}${extra}`);
  };

export const consoleLogger: Logger = {
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
