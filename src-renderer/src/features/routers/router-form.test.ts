import { describe, expect, it } from 'vitest';
import {
  emptyRouterForm,
  parseRouterForm,
  RETYPE_PASSWORD,
  toTestInput,
  toUpdateInput,
} from './router-form';
import { routerFixture } from './router-fixtures';

const filled = { ...emptyRouterForm(), name: ' Tower A ', host: '10.1.1.1', password: 'secret' };

describe('router form', () => {
  it('parses a valid form into a create input', () => {
    expect(parseRouterForm({ ...filled, port: '8729' }, 'anonymous')).toEqual({
      ok: true,
      input: {
        name: 'Tower A',
        host: '10.1.1.1',
        port: 8729,
        tls: 'anonymous',
        apiUser: 'admin',
        password: 'secret',
        pollIntervalSec: 30,
      },
    });
  });

  it('treats an empty port as the default port', () => {
    const parsed = parseRouterForm(filled, 'off');
    expect(parsed.ok && parsed.input.port).toBeNull();
  });

  it('reports each bad field in plain words', () => {
    const parsed = parseRouterForm(
      {
        name: '',
        host: 'not a host!',
        port: '70000',
        apiUser: '',
        password: 'é',
        pollIntervalSec: '2',
      },
      'off',
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        name: 'Name is required',
        host: 'Address must be an IP address or a host name',
        port: 'Port must be a whole number from 1 to 65535, or empty for the default',
        apiUser: 'API user is required',
        password: 'API password may contain printable ASCII only (RouterOS API limit)',
        pollIntervalSec: 'Poll interval must be at least 5 seconds',
      },
    });
    const notNumbers = parseRouterForm({ ...filled, port: 'abc', pollIntervalSec: '7.5' }, 'off');
    expect(notNumbers.ok ? null : notNumbers.errors).toEqual({
      port: 'Port must be a whole number from 1 to 65535, or empty for the default',
      pollIntervalSec: 'Poll interval must be a whole number of seconds',
    });
  });

  it('sends only what changed when editing, keeping the password when left empty', () => {
    const router = routerFixture(3, { name: 'Tower A', host: '10.1.1.1' });
    const parsed = parseRouterForm({ ...filled, password: '', pollIntervalSec: '5' }, 'off');
    if (!parsed.ok) throw new Error('expected a valid form');
    expect(toUpdateInput(router, parsed.input)).toEqual({ id: 3, pollIntervalSec: 5 });
    expect(toTestInput(router, parsed.input)).toEqual({
      id: 3,
      host: '10.1.1.1',
      port: null,
      tls: 'off',
      apiUser: 'admin',
    });
    expect(toTestInput(null, { ...parsed.input, password: 'pw' })).toEqual({
      host: '10.1.1.1',
      port: null,
      tls: 'off',
      apiUser: 'admin',
      password: 'pw',
    });
  });

  it('asks for the password again when the address or the user changes', () => {
    const router = routerFixture(3, { name: 'Tower A', host: '10.1.1.1' });
    for (const change of [{ host: '10.6.6.6' }, { port: '8000' }, { apiUser: 'other' }]) {
      const parsed = parseRouterForm({ ...filled, ...change, password: '' }, 'off', router);
      expect(parsed).toEqual({ ok: false, errors: { password: RETYPE_PASSWORD } });
      expect(parseRouterForm({ ...filled, ...change, password: 'pw' }, 'off', router).ok).toBe(
        true,
      );
    }
    const tls = parseRouterForm({ ...filled, password: '' }, 'anonymous', router);
    expect(tls.ok ? null : tls.errors.password).toBe(RETYPE_PASSWORD);
    // Same address (written in capitals): the stored password stays.
    const named = routerFixture(4, { host: 'tower-a.lan' });
    const same = parseRouterForm({ ...filled, host: 'TOWER-A.lan', password: '' }, 'off', named);
    expect(same.ok).toBe(true);
  });
});
