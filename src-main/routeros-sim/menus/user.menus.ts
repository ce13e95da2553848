import { bool, ref, text } from '../engine/field';
import type { MenuSpec } from '../engine/menu-table';

export const userGroupMenu = (): MenuSpec => ({
  path: '/user/group',
  verbs: ['print', 'getall', 'add', 'set', 'remove', 'unset', 'comment', 'listen', 'get'],
  nameField: 'name',
  unique: [{ fields: ['name'], message: (m) => m.duplicateName }],
  fields: [
    text('name', { mandatory: true }),
    text('policy', { default: 'read,test,api' }),
    text('skin', { default: 'default' }),
    text('comment'),
  ],
});

export const userMenu = (): MenuSpec => ({
  path: '/user',
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
  unique: [{ fields: ['name'], message: (m) => m.duplicateUser }],
  fields: [
    text('name', { mandatory: true }),
    { ...ref('group', '/user/group'), mandatory: true },
    text('address', { default: '' }),
    text('password', { hidden: true, default: '' }),
    text('last-logged-in', { writable: false }),
    bool('disabled', false),
    text('comment'),
  ],
});
