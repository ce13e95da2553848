import { describe, expect, it } from 'vitest';
import { planInput } from '../core/test-support/plan-input';
import { MAX_BODY_BYTES } from './http-helpers';
import { envelope, serveCore } from './test-support/serve-core';

/** A CSV file larger than any other call may send: `n` good rows with long notes. */
const bigCsv = (n: number) =>
  [
    'full_name,phone,service_type,login,password,plan,notes',
    ...Array.from(
      { length: n },
      (_, i) =>
        `Row ${String(i)},0700 000 000,pppoe,row${String(i)},pw,Home 10M,${'n'.repeat(200)}`,
    ),
  ].join('\n');

describe('the CSV import over HTTP', () => {
  it('takes a body above 1 MiB from an admitted caller only; every other call keeps 1 MiB', async () => {
    const s = await serveCore();
    const csv = bigCsv(6_000);
    expect(csv.length).toBeGreaterThan(MAX_BODY_BYTES);

    // Not signed in: refused before the body is read.
    const anonymous = await s.post('clients.importPreview', { csv });
    expect(envelope(anonymous)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const cookie = await s.setup();
    expect((await s.post('plans.create', planInput(), { cookie })).status).toBe(200);
    const preview = await s.post('clients.importPreview', { csv }, { cookie });
    expect(envelope(preview)).toMatchObject({
      ok: true,
      value: { rows: 6_000, accepted: 6_000, rejected: [] },
    });
    // The same body on any other call: too large.
    const other = await s.post('plans.create', { csv }, { cookie });
    expect(other.status).toBe(413);
  });
});
