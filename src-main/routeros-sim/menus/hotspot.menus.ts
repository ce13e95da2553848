import { bool, duration, int, ipv4, mac, readOnly, ref, text } from '../engine/field';
import { fmtDuration } from '../engine/format';
import type { MenuSpec } from '../engine/menu-table';
import type { RouterRuntime } from '../engine/router-runtime';

export const hotspotProfileMenu = (): MenuSpec => ({
  path: '/ip/hotspot/user/profile',
  verbs: ['print', 'getall', 'add', 'set', 'remove', 'unset', 'comment', 'listen', 'get'],
  nameField: 'name',
  unique: [{ fields: ['name'], message: (m) => m.duplicateHotspotProfile }],
  fields: [
    text('name', { mandatory: true }),
    ref('address-pool', '/ip/pool', 'none', ['none']),
    duration('session-timeout'),
    duration('idle-timeout', 'none', true),
    duration('keepalive-timeout', '2m', true),
    duration('status-autorefresh', '1m', true),
    text('shared-users', { default: '1' }),
    text('rate-limit'),
    text('address-list'),
    bool('add-mac-cookie', true),
    duration('mac-cookie-timeout', '3d'),
    bool('transparent-proxy', false),
    text('comment'),
    bool('default', false, false),
  ],
});

export const hotspotUserMenu = (): MenuSpec => ({
  path: '/ip/hotspot/user',
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
  nameField: 'name',
  unique: [{ fields: ['server', 'name'], message: (m) => m.duplicateHotspotUser }],
  fields: [
    text('server', { default: 'all' }),
    text('name', { mandatory: true }),
    text('password'),
    ipv4('address'),
    mac('mac-address'),
    ref('profile', '/ip/hotspot/user/profile', 'default'),
    text('email'),
    duration('limit-uptime'),
    int('limit-bytes-in'),
    int('limit-bytes-out'),
    int('limit-bytes-total'),
    readOnly('uptime', { default: '0s' }),
    readOnly('bytes-in', { default: '0' }),
    readOnly('bytes-out', { default: '0' }),
    readOnly('packets-in', { default: '0' }),
    readOnly('packets-out', { default: '0' }),
    bool('dynamic', false, false),
    bool('disabled', false),
    bool('default', undefined, false),
    text('comment'),
  ],
});

export const hotspotActiveMenu = (rt: RouterRuntime): MenuSpec => ({
  path: '/ip/hotspot/active',
  verbs: ['print', 'getall', 'remove', 'listen', 'get'],
  fields: [
    readOnly('server'),
    readOnly('user'),
    readOnly('address'),
    readOnly('mac-address'),
    readOnly('login-by'),
    readOnly('uptime'),
    readOnly('idle-time'),
    readOnly('bytes-in'),
    readOnly('bytes-out'),
    readOnly('packets-in'),
    readOnly('packets-out'),
    readOnly('radius'),
  ],
  computed: (row) => ({
    uptime: fmtDuration(rt.now() - (row.meta.startedAt ?? rt.now())),
    'idle-time': '0s',
  }),
  onRemove: (row) => rt.endHotspotSession(row),
});
