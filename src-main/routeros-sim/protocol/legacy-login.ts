import { createHash } from 'node:crypto';

/**
 * Pre-6.43 challenge-response: `"00" + hex(md5(0x00 ‖ password bytes ‖ challenge bytes))`, where
 * the challenge bytes are the hex-decoded `ret` of the first `/login`. Passwords are bytes (latin1
 * strings as received on the wire).
 */
export const legacyLoginResponse = (password: string, challengeHex: string): string =>
  '00' +
  createHash('md5')
    .update(Buffer.from([0]))
    .update(Buffer.from(password, 'latin1'))
    .update(Buffer.from(challengeHex, 'hex'))
    .digest('hex');
