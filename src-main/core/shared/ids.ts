import { randomBytes } from 'node:crypto';

/** Random URL-safe identifier; 16 bytes unless told otherwise. */
export const randomId = (bytes = 16): string => randomBytes(bytes).toString('base64url');
