/** Diagnostic log of the process (stderr), not the audit trail. Never pass secrets to it. */
export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

const write =
  (level: string) =>
  (message: string, fields?: Record<string, unknown>): void => {
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}${extra}\n`);
  };

export const consoleLogger: Logger = {
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
