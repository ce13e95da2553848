import { defineMenu } from './menu-definition';

const s = { kind: 'string' } as const;
const so = { kind: 'string', optional: true } as const;
const b = { kind: 'bool' } as const;
const i = { kind: 'int' } as const;
const ro = { readOnly: true } as const;

export const pppSecretMenu = defineMenu({
  path: '/ppp/secret',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s },
    service: { word: 'service', ...s },
    password: { word: 'password', ...s },
    profile: { word: 'profile', ...s },
    callerId: { word: 'caller-id', ...s },
    localAddress: { word: 'local-address', ...so },
    remoteAddress: { word: 'remote-address', ...so },
    limitBytesIn: { word: 'limit-bytes-in', ...i },
    limitBytesOut: { word: 'limit-bytes-out', ...i },
    lastLoggedOut: { word: 'last-logged-out', ...so, ...ro },
    lastCallerId: { word: 'last-caller-id', ...so, ...ro },
    lastDisconnectReason: { word: 'last-disconnect-reason', ...so, ...ro },
    disabled: { word: 'disabled', ...b },
    comment: { word: 'comment', ...so },
  },
});

export const pppProfileMenu = defineMenu({
  path: '/ppp/profile',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s },
    localAddress: { word: 'local-address', ...so },
    remoteAddress: { word: 'remote-address', ...so },
    rateLimit: { word: 'rate-limit', ...so },
    onlyOne: { word: 'only-one', ...s },
    addressList: { word: 'address-list', ...so },
    comment: { word: 'comment', ...so },
    isDefault: { word: 'default', kind: 'bool', ...ro },
  },
});

export const pppActiveMenu = defineMenu({
  path: '/ppp/active',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s, ...ro },
    service: { word: 'service', ...s, ...ro },
    callerId: { word: 'caller-id', ...s, ...ro },
    address: { word: 'address', ...s, ...ro },
    uptime: { word: 'uptime', ...s, ...ro },
  },
});

export const ipPoolMenu = defineMenu({
  path: '/ip/pool',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s },
    ranges: { word: 'ranges', ...s },
    nextPool: { word: 'next-pool', ...so },
    comment: { word: 'comment', ...so },
  },
});

export const hotspotUserMenu = defineMenu({
  path: '/ip/hotspot/user',
  nameField: 'name',
  fields: {
    server: { word: 'server', ...so },
    name: { word: 'name', ...s },
    password: { word: 'password', ...so },
    profile: { word: 'profile', ...s },
    address: { word: 'address', ...so },
    macAddress: { word: 'mac-address', ...so },
    limitUptime: { word: 'limit-uptime', ...so },
    limitBytesTotal: { word: 'limit-bytes-total', kind: 'int', optional: true },
    uptime: { word: 'uptime', ...so, ...ro },
    bytesIn: { word: 'bytes-in', kind: 'int', optional: true, ...ro },
    bytesOut: { word: 'bytes-out', kind: 'int', optional: true, ...ro },
    disabled: { word: 'disabled', ...b },
    comment: { word: 'comment', ...so },
  },
});

export const hotspotProfileMenu = defineMenu({
  path: '/ip/hotspot/user/profile',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s },
    sharedUsers: { word: 'shared-users', ...so },
    rateLimit: { word: 'rate-limit', ...so },
    sessionTimeout: { word: 'session-timeout', ...so },
    idleTimeout: { word: 'idle-timeout', ...so },
  },
});

export const hotspotActiveMenu = defineMenu({
  path: '/ip/hotspot/active',
  fields: {
    user: { word: 'user', ...s, ...ro },
    address: { word: 'address', ...s, ...ro },
    macAddress: { word: 'mac-address', ...s, ...ro },
    uptime: { word: 'uptime', ...s, ...ro },
  },
});

export const queueSimpleMenu = defineMenu({
  path: '/queue/simple',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s },
    target: { word: 'target', ...s },
    maxLimit: { word: 'max-limit', ...s },
    limitAt: { word: 'limit-at', ...s },
    parent: { word: 'parent', ...so },
    dynamic: { word: 'dynamic', kind: 'bool', ...ro },
    disabled: { word: 'disabled', ...b },
    comment: { word: 'comment', ...so },
  },
});

export const addressListMenu = defineMenu({
  path: '/ip/firewall/address-list',
  fields: {
    list: { word: 'list', ...s },
    address: { word: 'address', ...s },
    timeout: { word: 'timeout', ...so },
    creationTime: { word: 'creation-time', ...so, ...ro },
    dynamic: { word: 'dynamic', kind: 'bool', ...ro },
    disabled: { word: 'disabled', ...b },
    comment: { word: 'comment', ...so },
  },
});

export const interfaceMenu = defineMenu({
  path: '/interface',
  nameField: 'name',
  fields: {
    name: { word: 'name', ...s },
    type: { word: 'type', ...s, ...ro },
    macAddress: { word: 'mac-address', ...so, ...ro },
    rxByte: { word: 'rx-byte', kind: 'int', optional: true, ...ro },
    txByte: { word: 'tx-byte', kind: 'int', optional: true, ...ro },
    running: { word: 'running', kind: 'bool', ...ro },
    disabled: { word: 'disabled', ...b },
    dynamic: { word: 'dynamic', kind: 'bool', optional: true, ...ro },
    comment: { word: 'comment', ...so },
  },
});

export const systemIdentityMenu = defineMenu({
  path: '/system/identity',
  singleton: true,
  fields: { name: { word: 'name', ...s } },
});

export const systemResourceMenu = defineMenu({
  path: '/system/resource',
  singleton: true,
  fields: {
    uptime: { word: 'uptime', ...s, ...ro },
    version: { word: 'version', ...s, ...ro },
    boardName: { word: 'board-name', ...s, ...ro },
    cpuLoad: { word: 'cpu-load', kind: 'int', ...ro },
    freeMemory: { word: 'free-memory', kind: 'int', ...ro },
    totalMemory: { word: 'total-memory', kind: 'int', ...ro },
    architecture: { word: 'architecture-name', ...s, ...ro },
  },
});
