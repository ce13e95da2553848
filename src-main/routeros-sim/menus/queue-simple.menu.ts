import { bool, queueTarget, ratePair, readOnly, text } from '../engine/field';
import type { MenuSpec } from '../engine/menu-table';
import type { RouterRuntime } from '../engine/router-runtime';
import { SimTrap } from '../engine/sim-trap';
import { trafficBytes } from './interface.menu';

const pair = (v: string | undefined): [number, number] => {
  const [a = '0', b = '0'] = (v ?? '0/0').split('/');
  return [Number(a), Number(b)];
};

const ZERO_PAIR = [
  'bytes',
  'packets',
  'dropped',
  'rate',
  'packet-rate',
  'queued-packets',
  'queued-bytes',
] as const;

export const queueSimpleMenu = (rt: RouterRuntime): MenuSpec => ({
  path: '/queue/simple',
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
  unique: [{ fields: ['name'], message: (m) => m.duplicateName }],
  fields: [
    text('name'),
    queueTarget('target'),
    text('parent', { default: 'none' }),
    text('packet-marks', { default: '' }),
    text('priority', { default: '8/8' }),
    text('queue', { default: 'default-small/default-small' }),
    ratePair('limit-at'),
    ratePair('max-limit'),
    ratePair('burst-limit'),
    ratePair('burst-threshold'),
    text('burst-time', { default: '0s/0s' }),
    text('bucket-size', { default: '0.1/0.1' }),
    readOnly('bytes'),
    readOnly('total-bytes'),
    readOnly('packets'),
    readOnly('total-packets'),
    readOnly('dropped'),
    readOnly('total-dropped'),
    readOnly('rate'),
    readOnly('total-rate'),
    readOnly('packet-rate'),
    readOnly('total-packet-rate'),
    readOnly('queued-packets'),
    readOnly('total-queued-packets'),
    readOnly('queued-bytes'),
    readOnly('total-queued-bytes'),
    bool('invalid', false, false),
    bool('dynamic', false, false),
    bool('disabled', false),
    text('comment'),
  ],
  validate: (values, env) => {
    const [limUp, limDown] = pair(values['limit-at']);
    const [maxUp, maxDown] = pair(values['max-limit']);
    if (maxUp > 0 && limUp > maxUp) throw new SimTrap(env.messages.queueLimitUpload);
    if (maxDown > 0 && limDown > maxDown) throw new SimTrap(env.messages.queueLimitDownload);
  },
  onUpdate: (row) => {
    if (row.values.name === undefined) {
      let n = 1;
      const table = rt.table('/queue/simple');
      while (table.findBy('name', `queue${n}`)) n++;
      row.values.name = `queue${n}`;
    }
  },
  computed: (row) => {
    const [up, down] = trafficBytes(row, rt);
    const out: Record<string, string> = {};
    for (const k of ZERO_PAIR) out[k] = '0/0';
    for (const k of ZERO_PAIR) out[`total-${k}`] = '0';
    out.bytes = `${up}/${down}`;
    out.packets = `${Math.floor(up / 700)}/${Math.floor(down / 900)}`;
    return out;
  },
});
