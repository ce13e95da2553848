import { describe, expect, it } from 'vitest';
import type { DownloadName } from '../../contract/channels';
import type { Result } from '../../contract/errors';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';
import { unwrap, type TestClient, type TestCore } from '../test-support/test-core';

/** Search text as a person (or a script) might send it: NUL, tabs, escapes, DEL, C1. */
const NASTY = [
  'amina\u0000said',
  'amina\u0000',
  '\u0000',
  'amina\tsaid\r\n',
  '\u001bamina\u007f\u0085said',
];

const download = async (tc: TestCore, who: TestClient, name: DownloadName, input: unknown) => {
  const chunks: string[] = [];
  const result: Result<unknown> = await tc.dispatch.download(name, input, who.ctx, () =>
    Promise.resolve({
      write: (chunk: string) => {
        chunks.push(chunk);
        return Promise.resolve();
      },
      end: () => Promise.resolve(),
      abort: () => undefined,
    }),
  );
  return { result, text: chunks.join('') };
};

describe('control characters in search text', () => {
  it('are read as spaces by every activity and client search, list and export', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    await makeClient(o.admin, plan.id, { fullName: 'Amina Said' });
    await makeClient(o.admin, plan.id, { fullName: 'Baraka Otieno' });

    for (const text of NASTY) {
      const filter = { text };
      const found = unwrap(await o.admin.call('activity.search', { filter }));
      // "amina said": the client's creation entry names her; NUL alone is an empty search.
      if (text.includes('amina')) {
        expect(found.entries.map((e) => e.event)).toContain('client.created');
        expect(found.entries.every((e) => /amina said/i.test(e.description))).toBe(true);
      }
      unwrap(await o.admin.call('activity.histogram', { filter }));
      unwrap(await o.admin.call('activity.facets', { filter }));
      const log = await download(o.tc, o.admin, 'activity.export', { filter, format: 'csv' });
      unwrap(log.result);

      const clients = unwrap(await o.admin.call('clients.list', { filter: { search: text } }));
      const names = clients.items.map((c) => c.fullName);
      // NUL alone is no search at all: every client.
      expect(names.sort()).toEqual(
        text.includes('amina') ? ['Amina Said'] : ['Amina Said', 'Baraka Otieno'],
      );
      const sheet = await download(o.tc, o.admin, 'clients.export', { filter: { search: text } });
      unwrap(sheet.result);
      if (text.includes('amina')) {
        expect(sheet.text).toContain('Amina Said');
        expect(sheet.text).not.toContain('Baraka Otieno');
      }
    }
    expect(o.tc.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
