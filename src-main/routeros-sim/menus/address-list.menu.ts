import { bool, duration, listAddress, readOnly, text } from '../engine/field';
import { fmtDuration, parseDuration } from '../engine/format';
import type { MenuSpec } from '../engine/menu-table';
import type { RouterRuntime } from '../engine/router-runtime';

/** `/ip/firewall/address-list`: `timeout` makes an entry dynamic; it expires with the clock. */
export const addressListMenu = (rt: RouterRuntime): MenuSpec => ({
  path: '/ip/firewall/address-list',
  verbs: [
    'print',
    'getall',
    'add',
    'set',
    'remove',
    'enable',
    'disable',
    'unset',
    'comment',
    'listen',
    'get',
  ],
  unique: [{ fields: ['list', 'address'], message: (m) => m.duplicateEntry }],
  fields: [
    text('list', { mandatory: true }),
    listAddress('address'),
    duration('timeout'),
    readOnly('creation-time'),
    bool('dynamic', false, false),
    bool('disabled', false),
    text('comment'),
  ],
  onUpdate: (row, before) => {
    const timeout = row.values.timeout;
    if (timeout !== undefined && timeout !== before.timeout) {
      row.meta.expiresAt = rt.now() + (parseDuration(timeout) ?? 0);
      row.values.dynamic = 'true';
    }
  },
  computed: (row) => {
    const out: Record<string, string> = {
      'creation-time': rt.date(row.meta.createdAt ?? rt.now()),
    };
    if (row.meta.expiresAt !== undefined) {
      out.timeout = fmtDuration(Math.max(0, row.meta.expiresAt - rt.now()));
    }
    return out;
  },
});
