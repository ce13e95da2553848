import type { ClientSort } from '../../contract/schemas/clients';
import { fieldError } from '../shared/app-error';

export type SortKeyValue = string | number;
export type Cursor = { key: SortKeyValue; id: number };

const signature = (sort: ClientSort) => `${sort.by}:${sort.dir}`;

/** An opaque keyset cursor: the sort it belongs to and the last row's (sort value, id). */
export const encodeCursor = (sort: ClientSort, c: Cursor): string =>
  Buffer.from(JSON.stringify([signature(sort), c.key, c.id]), 'utf8').toString('base64url');

export const decodeCursor = (sort: ClientSort, raw: string): Cursor => {
  const bad = () =>
    fieldError('validation', { path: ['cursor'], message: 'This page link is no longer valid.' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad();
  const [sig, key, id] = parsed as unknown[];
  if (sig !== signature(sort)) throw bad();
  if (typeof key !== 'string' && typeof key !== 'number') throw bad();
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw bad();
  return { key, id };
};
