import { describe, expect, it } from 'vitest';
import { CHEAP_SCRYPT } from '../test-support/test-core';
import { DEFAULT_AUTH_POLICY } from './auth-policy';
import {
  createPasswordHasher,
  needsRehash,
  WITHOUT_THREADS,
  type ScryptParams,
} from './password-hash';

const { hash: hashPassword, verify: verifyPassword } = createPasswordHasher(WITHOUT_THREADS);

/**
 * OWASP Password Storage Cheat Sheet, scrypt: "N=2^17 (128 MiB), r=8, p=1", or one of the
 * equivalent rows 2^16/8/2, 2^15/8/3, 2^14/8/5, 2^13/8/10. Parameters meet the minimum when they
 * are at least one of those rows in every component.
 */
const OWASP_ROWS: readonly ScryptParams[] = [
  { N: 2 ** 17, r: 8, p: 1 },
  { N: 2 ** 16, r: 8, p: 2 },
  { N: 2 ** 15, r: 8, p: 3 },
  { N: 2 ** 14, r: 8, p: 5 },
  { N: 2 ** 13, r: 8, p: 10 },
];
const meetsOwasp = (p: ScryptParams): boolean =>
  Number.isInteger(Math.log2(p.N)) &&
  OWASP_ROWS.some((row) => p.N >= row.N && p.r >= row.r && p.p >= row.p);

describe('password hashing', () => {
  it('defaults to scrypt parameters that meet the OWASP minimum, and they verify', async () => {
    const params = DEFAULT_AUTH_POLICY.scrypt;
    expect(meetsOwasp(params), JSON.stringify(params)).toBe(true);
    expect(meetsOwasp({ N: 2 ** 17, r: 8, p: 1 })).toBe(true);
    expect(meetsOwasp({ N: 2 ** 14, r: 8, p: 1 })).toBe(false);
    expect(meetsOwasp({ N: 2 ** 15, r: 8, p: 2 })).toBe(false);
    expect(meetsOwasp(CHEAP_SCRYPT)).toBe(false);

    const stored = await hashPassword('Tr0ub4dor & 3', params);
    expect(stored).toMatch(
      new RegExp(`^scrypt\\$${String(params.N)}\\$${String(params.r)}\\$${String(params.p)}\\$`),
    );
    await expect(verifyPassword('Tr0ub4dor & 3', stored)).resolves.toBe(true);
    await expect(verifyPassword('Tr0ub4dor & 4', stored)).resolves.toBe(false);
    expect(needsRehash(stored, params)).toBe(false);
  });

  it('salts every hash and rejects wrong or malformed input', async () => {
    const a = await hashPassword('same password', CHEAP_SCRYPT);
    const b = await hashPassword('same password', CHEAP_SCRYPT);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same password', a)).resolves.toBe(true);
    await expect(verifyPassword('same password', b)).resolves.toBe(true);
    await expect(verifyPassword('Same password', a)).resolves.toBe(false);
    await expect(verifyPassword('', a)).resolves.toBe(false);
    await expect(verifyPassword('same password', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('same password', 'bcrypt$1$2$3$x$y')).resolves.toBe(false);
  });

  it('treats canonically equal Unicode passwords as the same password', async () => {
    const composed = 'caf\u00e9 au lait!';
    const decomposed = 'cafe\u0301 au lait!';
    const stored = await hashPassword(composed, CHEAP_SCRYPT);
    await expect(verifyPassword(decomposed, stored)).resolves.toBe(true);
  });

  it('asks for a rehash when the parameters change', async () => {
    const stored = await hashPassword('some password', CHEAP_SCRYPT);
    expect(needsRehash(stored, CHEAP_SCRYPT)).toBe(false);
    expect(needsRehash(stored, { ...CHEAP_SCRYPT, N: CHEAP_SCRYPT.N * 2 })).toBe(true);
    expect(needsRehash('garbage', CHEAP_SCRYPT)).toBe(true);
  });
});
