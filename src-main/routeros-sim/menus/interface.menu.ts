import { bool, int, readOnly, text } from '../engine/field';
import type { MenuSpec, Row } from '../engine/menu-table';
import type { RouterRuntime } from '../engine/router-runtime';

const COUNTERS = [
  'rx-byte',
  'tx-byte',
  'rx-packet',
  'tx-packet',
  'rx-drop',
  'tx-drop',
  'tx-queue-drop',
  'rx-error',
  'tx-error',
  'fp-rx-byte',
  'fp-tx-byte',
  'fp-rx-packet',
  'fp-tx-packet',
];

/** Byte counters since boot: a seeded base plus a seeded rate over simulated time. */
export const trafficBytes = (row: Row, rt: RouterRuntime): [number, number] => {
  const since = row.meta.startedAt ?? rt.bootTime();
  const secs = Math.max(0, (rt.now() - since) / 1000);
  const running = row.values.disabled !== 'true';
  const rx = (row.meta.rxBase ?? 0) + (running ? Math.floor(secs * (row.meta.rxRate ?? 0)) : 0);
  const tx = (row.meta.txBase ?? 0) + (running ? Math.floor(secs * (row.meta.txRate ?? 0)) : 0);
  return [rx, tx];
};

export const interfaceMenu = (rt: RouterRuntime): MenuSpec => ({
  path: '/interface',
  verbs: ['print', 'getall', 'set', 'enable', 'disable', 'unset', 'comment', 'listen', 'get'],
  nameField: 'name',
  unique: [{ fields: ['name'], message: (m) => m.duplicateName }],
  fields: [
    text('name', { mandatory: true }),
    readOnly('default-name'),
    readOnly('type'),
    int('mtu'),
    readOnly('actual-mtu'),
    readOnly('l2mtu'),
    readOnly('max-l2mtu'),
    readOnly('mac-address'),
    readOnly('last-link-up-time'),
    readOnly('link-downs'),
    ...COUNTERS.map((c) => readOnly(c)),
    bool('running', undefined, false),
    bool('slave', undefined, false),
    bool('dynamic', undefined, false),
    bool('disabled', false),
    text('comment'),
  ],
  computed: (row) => {
    const [rx, tx] = trafficBytes(row, rt);
    const running = row.values.disabled !== 'true';
    return {
      'rx-byte': String(rx),
      'tx-byte': String(tx),
      'rx-packet': String(Math.floor(rx / 900)),
      'tx-packet': String(Math.floor(tx / 700)),
      'fp-rx-byte': String(Math.floor(rx / 4)),
      'fp-tx-byte': '0',
      'fp-rx-packet': String(Math.floor(rx / 3600)),
      'fp-tx-packet': '0',
      running: String(running),
      'last-link-up-time': rt.date(row.meta.startedAt ?? rt.bootTime()),
    };
  },
});
