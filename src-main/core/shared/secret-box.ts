import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_KEY_FILE = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

/** Encrypts small secrets (client service passwords) at rest with AES-256-GCM. */
export type SecretBox = {
  /** `purpose` is bound as associated data: a box sealed for one use does not open for another. */
  seal(plain: string, purpose: string): string;
  open(box: string, purpose: string): string;
};

/**
 * Reads the key from `<dataDir>/secret.key`, creating it (32 random bytes, mode 0600, never
 * overwritten) on first use. Losing the file loses the stored secrets, not the rest of the data.
 */
export const loadOrCreateKey = (dataDir: string): Buffer => {
  const file = join(dataDir, SECRET_KEY_FILE);
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new Error(`${file} is not a ${String(KEY_BYTES)}-byte key; restore it from a backup.`);
  }
  return key;
};

export const createSecretBox = (key: Buffer): SecretBox => ({
  seal: (plain, purpose) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv, tag, body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  },
  open: (box, purpose) => {
    const [version, iv, tag, body] = box.split('.');
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
      throw new Error('Unknown secret box format');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  },
});
