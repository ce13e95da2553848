import { randomBytes } from 'node:crypto';

/** Random URL-safe identifier; 16 bytes unless told otherwise. */
export const randomId = (bytes = 16): string => randomBytes(bytes).toString('base64url');

/**
 * Correlation id of one action and everything it caused: 72 random bits in 12 characters, short
 * because every activity entry stores and indexes one.
 */
export const newCorrelationId = (): string => randomId(9);
