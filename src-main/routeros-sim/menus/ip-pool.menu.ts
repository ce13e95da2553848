import { poolRanges, ref, text } from '../engine/field';
import type { MenuSpec } from '../engine/menu-table';

export const ipPoolMenu = (): MenuSpec => ({
  path: '/ip/pool',
  verbs: ['print', 'getall', 'add', 'set', 'remove', 'unset', 'comment', 'listen', 'get'],
  nameField: 'name',
  unique: [{ fields: ['name'], message: (m) => m.duplicateName }],
  fields: [
    text('name', { mandatory: true }),
    poolRanges('ranges'),
    ref('next-pool', '/ip/pool', 'none', ['none']),
    text('comment'),
  ],
});
