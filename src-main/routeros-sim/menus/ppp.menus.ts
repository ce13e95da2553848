import { bool, duration, enumOf, int, ipOrPool, ipv4, readOnly, ref, text } from '../engine/field';
import { fmtDuration } from '../engine/format';
import type { MenuSpec } from '../engine/menu-table';
import type { RouterRuntime } from '../engine/router-runtime';

const TRI = ['default', 'no', 'yes'] as const;
const TRI_REQ = ['default', 'no', 'yes', 'required'] as const;
const ALL_VERBS = [
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
] as const;

export const pppProfileMenu = (): MenuSpec => ({
  path: '/ppp/profile',
  verbs: ALL_VERBS.filter((v) => v !== 'enable' && v !== 'disable'),
  nameField: 'name',
  unique: [{ fields: ['name'], message: (m) => m.duplicatePppProfile }],
  fields: [
    text('name', { mandatory: true }),
    ipOrPool('local-address'),
    ipOrPool('remote-address'),
    text('dns-server'),
    duration('session-timeout'),
    duration('idle-timeout'),
    text('rate-limit'),
    text('parent-queue'),
    text('queue-type'),
    enumOf('use-mpls', TRI_REQ, 'default'),
    enumOf('use-compression', TRI, 'default'),
    enumOf('use-encryption', TRI_REQ, 'default'),
    enumOf('only-one', TRI, 'default'),
    enumOf('change-tcp-mss', TRI, 'default'),
    enumOf('use-upnp', TRI, 'default'),
    text('address-list', { default: '' }),
    text('on-up', { default: '' }),
    text('on-down', { default: '' }),
    text('comment'),
    bool('default', false, false),
  ],
});

export const PPP_SERVICES = ['any', 'async', 'pptp', 'pppoe', 'l2tp', 'ovpn', 'sstp'] as const;

export const pppSecretMenu = (): MenuSpec => ({
  path: '/ppp/secret',
  verbs: ALL_VERBS,
  nameField: 'name',
  unique: [{ fields: ['name'], message: (m) => m.duplicateSecret }],
  fields: [
    text('name', { mandatory: true }),
    enumOf('service', PPP_SERVICES, 'any'),
    text('caller-id', { default: '' }),
    text('password', { default: '' }),
    ref('profile', '/ppp/profile', 'default'),
    ipv4('local-address'),
    ipv4('remote-address'),
    text('routes', { default: '' }),
    text('ipv6-routes', { default: '' }),
    int('limit-bytes-in', '0'),
    int('limit-bytes-out', '0'),
    readOnly('last-logged-out'),
    readOnly('last-caller-id'),
    readOnly('last-disconnect-reason'),
    bool('disabled', false),
    text('comment'),
  ],
});

/** Online sessions: read-only; `remove` kicks the subscriber. */
export const pppActiveMenu = (rt: RouterRuntime): MenuSpec => ({
  path: '/ppp/active',
  verbs: ['print', 'getall', 'remove', 'listen', 'get'],
  fields: [
    readOnly('name'),
    readOnly('service'),
    readOnly('caller-id'),
    readOnly('address'),
    readOnly('uptime'),
    readOnly('encoding'),
    readOnly('session-id'),
    readOnly('limit-bytes-in'),
    readOnly('limit-bytes-out'),
    readOnly('radius'),
  ],
  computed: (row) => ({ uptime: fmtDuration(rt.now() - (row.meta.startedAt ?? rt.now())) }),
  onRemove: (row) => rt.endPppSession(row, rt.messages.kickReason),
});
