const SECRET_KEY = /pass(word|wd|phrase)|secret|token|api[_-]?key|private[_-]?key|^pin$/i;
export const REDACTED = '[redacted]';
const MAX_DETAILS_CHARS = 16_000;

/**
 * Deep copy with every secret-looking field replaced, so that no secret reaches the log: any
 * key naming a password, secret, token or key (passwordHash and routerPassword included) whose
 * value is not a plain flag. `mustChangePassword: true` says nothing secret and stays readable.
 */
export const redactSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && typeof v !== 'boolean' && v !== null ? REDACTED : redactSecrets(v),
      ]),
    );
  }
  return value;
};

/** The JSON text stored (and hashed) for an entry's details; null when there are none. */
export const serializeDetails = (details: Record<string, unknown> | undefined): string | null => {
  if (!details || Object.keys(details).length === 0) return null;
  const text = JSON.stringify(redactSecrets(details));
  if (text.length <= MAX_DETAILS_CHARS) return text;
  return JSON.stringify({ truncated: true, preview: text.slice(0, MAX_DETAILS_CHARS) });
};
