import { randomBytes } from 'node:crypto';

/** Random URL-safe identifier; 16 bytes unless told otherwise. */
export const randomId = (bytes = 16): string => randomBytes(bytes).toString('base64url');

/**
 * Correlation id of one action and everything it caused: the second it started (base 36) and
 * 42 random bits, 13 characters. Time first, so that the index over every activity entry's
 * correlation id grows at its end (full pages, fast appends) instead of at random places.
 */
export const newCorrelationId = (nowMs: number): string =>
  Math.floor(nowMs / 1000).toString(36) + randomBytes(6).toString('base64url').slice(0, 7);

/** When the action behind a correlation id started (epoch ms), or null for a foreign id. */
export const correlationStart = (id: string): number | null => {
  const seconds = /^[0-9a-z]{6,8}$/.test(id.slice(0, -7)) ? parseInt(id.slice(0, -7), 36) : NaN;
  return Number.isSafeInteger(seconds) && id.length >= 13 ? seconds * 1000 : null;
};
