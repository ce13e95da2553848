import { describe, expect, it } from 'vitest';
import { passwordStrength } from '../../contract/password-strength';
import {
  ADMIN,
  addStaff,
  dbSnapshot,
  failure,
  signInAdmin,
  staffPassword,
  testCore,
  unwrap,
} from '../test-support/test-core';

/** Passwords the old length-only rule took, and why each is weak. */
const WEAK = ['          ', 'password12', '1234567890', 'qwertyuiop', 'aaaaaaaaaaaa'];

describe('password strength, wherever a password is set', () => {
  it('refuses weak, personal and control-character passwords at first-run setup', async () => {
    const tc = testCore();
    const page = tc.client();
    for (const password of [...WEAK, 'ada admin 1', 'adminadmin', 'Ada Admin!!']) {
      const error = failure(await page.call('auth.setup', { ...ADMIN, password }), 'validation');
      expect(error.message, password).toMatch(/^This password is too easy to guess \(/);
      expect(error.details).toEqual({ issues: [{ path: ['password'], message: error.message }] });
    }
    const nul = failure(
      await page.call('auth.setup', { ...ADMIN, password: 'strong\u0000passphrase here' }),
      'validation',
    );
    expect(nul.message).toBe(
      'password: Password may not contain control characters or text-direction marks',
    );
    expect(unwrap(await page.call('auth.status', undefined)).setupRequired).toBe(true);
    unwrap(await page.call('auth.setup', { ...ADMIN }));
  });

  it('refuses weak passwords for new staff, resets and one’s own change, changing nothing', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: carol, id } = await addStaff(tc, admin, 'carol', 'cashier');
    const before = dbSnapshot(tc.core);
    for (const password of WEAK) {
      failure(
        await admin.call('staff.create', {
          username: 'dave',
          displayName: 'Dave Otieno',
          role: 'viewer',
          password,
        }),
        'validation',
      );
      failure(await admin.call('staff.resetPassword', { id, newPassword: password }), 'validation');
    }
    // The account's own names count as known words: each is weak for its own account only.
    const named = { username: 'dave', displayName: 'Dave Otieno', role: 'viewer' as const };
    failure(await admin.call('staff.create', { ...named, password: 'dave otieno' }), 'validation');
    failure(
      await admin.call('staff.resetPassword', { id, newPassword: 'Carol Staff' }),
      'validation',
    );
    for (const password of [...WEAK, 'Carol Staff', 'carol carol carol']) {
      const own = failure(
        await carol.call('auth.changePassword', {
          currentPassword: staffPassword('carol'),
          newPassword: password,
        }),
        'validation',
      );
      expect(own.details).toEqual({ issues: [{ path: ['newPassword'], message: own.message }] });
    }
    expect(dbSnapshot(tc.core)).toBe(before);
    unwrap(
      await carol.call('auth.changePassword', {
        currentPassword: staffPassword('carol'),
        newPassword: 'maize lantern quietly 48',
      }),
    );
  });

  it('scores a password with the account’s names as words a guesser knows', () => {
    expect(passwordStrength('wanjiru kamau', []).acceptable).toBe(true);
    expect(passwordStrength('wanjiru kamau', ['wanjiru', 'Wanjiru Kamau'])).toMatchObject({
      acceptable: false,
      warning: 'There should not be any personal or page related data.',
    });
    expect(passwordStrength('correct horse battery staple', ['admin', 'Ada Admin'])).toMatchObject({
      score: 4,
      label: 'Very strong',
      acceptable: true,
      warning: null,
    });
    expect(passwordStrength('password12', [])).toMatchObject({
      acceptable: false,
      warning: 'This is a commonly used password.',
    });
  });
});
