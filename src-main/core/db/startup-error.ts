/** The database cannot be used as it is; the message says why in words for the office. */
export class DatabaseStartupError extends Error {
  override name = 'DatabaseStartupError';
}
