import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SaveSearchInput } from './activity';
import { ChangePasswordInput, SetupInput } from './auth';
import { AdjustInput, PayInput, RefundInput, VoidInput } from './billing';
import { ArchiveClientInput, CreateClientInput, UpdateClientInput } from './clients';
import { hasUnsafeCharacters } from './common';
import { CreatePlanInput, UpdatePlanInput } from './plans';
import { CreateRouterInput, UpdateRouterInput } from './routers';
import { CreateStaffInput, ResetPasswordInput, UpdateStaffInput } from './staff';

/** Characters no typed text may hold: controls (C0, DEL, C1) and bidirectional controls. */
const UNSAFE = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e', // right-to-left override (Trojan Source)
  '\u202a',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u061c',
  '\ud83d', // half of a character (a lone surrogate)
];

const PLAN = {
  name: 'Home 10',
  serviceType: 'pppoe',
  rateDownKbps: 10_000,
  rateUpKbps: 5_000,
  price: 150_000,
  validity: { unit: 'months', count: 1 },
  routerProfile: 'home-10',
  expiryAction: 'disable',
};
const CLIENT = {
  fullName: 'Amina Njeri',
  phone: '+254 700 000 001',
  serviceType: 'pppoe',
  serviceLogin: 'amina',
  servicePassword: 'secret-1',
  planId: 1,
};
const ROUTER = { name: 'Tower A', host: '10.0.0.1', apiUser: 'api', password: 'pw' };

/** Every free-text field a person types, with a valid input around it. */
const FIELDS: [string, z.ZodType, Record<string, unknown>, string, boolean][] = [
  [
    'setup: display name',
    SetupInput,
    { username: 'ada', password: 'x'.repeat(12) },
    'displayName',
    false,
  ],
  [
    'staff: display name',
    CreateStaffInput,
    { username: 'bob', role: 'viewer', password: 'x'.repeat(12) },
    'displayName',
    false,
  ],
  ['staff: rename', UpdateStaffInput, { id: 1 }, 'displayName', false],
  [
    'staff: password',
    CreateStaffInput,
    { username: 'bob', role: 'viewer', displayName: 'Bob' },
    'password',
    false,
  ],
  ['staff: reset password', ResetPasswordInput, { id: 1 }, 'newPassword', false],
  ['own password', ChangePasswordInput, { currentPassword: 'old one' }, 'newPassword', false],
  ['client: name', CreateClientInput, CLIENT, 'fullName', false],
  ['client: address', CreateClientInput, CLIENT, 'address', true],
  ['client: notes', CreateClientInput, CLIENT, 'notes', true],
  ['client: rename', UpdateClientInput, { id: 1 }, 'fullName', false],
  ['client: archive reason', ArchiveClientInput, { id: 1 }, 'reason', true],
  ['plan: name', CreatePlanInput, PLAN, 'name', false],
  ['plan: rename', UpdatePlanInput, { id: 1 }, 'name', false],
  ['router: name', CreateRouterInput, ROUTER, 'name', false],
  ['router: notes', CreateRouterInput, ROUTER, 'notes', true],
  ['router: rename', UpdateRouterInput, { id: 1 }, 'name', false],
  ['router: change notes', UpdateRouterInput, { id: 1 }, 'notes', true],
  [
    'payment: reference',
    PayInput,
    { clientId: 1, amount: 100, method: 'cash' },
    'reference',
    false,
  ],
  ['payment: note', PayInput, { clientId: 1, amount: 100, method: 'cash' }, 'note', true],
  ['refund: reason', RefundInput, { paymentId: 1, amount: 100 }, 'reason', true],
  ['adjustment: reason', AdjustInput, { clientId: 1, amount: 100 }, 'reason', true],
  ['void: reason', VoidInput, { entryId: 1 }, 'reason', true],
  ['saved search: name', SaveSearchInput, { filter: {} }, 'name', false],
];

describe('free text in the contract', () => {
  it.each(FIELDS)(
    '%s refuses control and text-direction characters',
    (_, schema, base, field, multiline) => {
      const ok = schema.safeParse({ ...base, [field]: 'Plain text 2026, ok' });
      expect(ok.error?.issues).toBeUndefined();
      for (const bad of UNSAFE) {
        const result = schema.safeParse({ ...base, [field]: `Plain ${bad}text 2026` });
        expect(result.success, JSON.stringify(bad)).toBe(false);
        expect(result.error?.issues.map((i) => i.message)).toContainEqual(
          expect.stringMatching(/may not contain control characters or text-direction marks$/),
        );
      }
      // Line breaks and tabs: only where the field holds several lines.
      const lines = schema.safeParse({ ...base, [field]: 'First line\nsecond\tline 2026' });
      expect(lines.success).toBe(multiline);
    },
  );

  it('lets every other script and symbol through', () => {
    for (const text of [
      'Amina Njeri',
      'Zoë Ørsted',
      'محمد علي',
      'שלום',
      '王小明',
      'Café 🚀',
      'a\u00a0b',
    ]) {
      expect(hasUnsafeCharacters(text)).toBe(false);
    }
    expect(hasUnsafeCharacters('a\nb', true)).toBe(false);
    expect(hasUnsafeCharacters('a\nb')).toBe(true);
  });
});
