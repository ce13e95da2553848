import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePaths, defaultDataDir } from './app-paths';
import { DEFAULT_PORT, parseLaunchArgs } from './launch-args';

describe('launch arguments', () => {
  it('defaults to the per-user data folder and 127.0.0.1 only', () => {
    const env = { XDG_CONFIG_HOME: '/home/o/.config', APPDATA: 'C:\\Users\\o\\AppData\\Roaming' };
    expect(parseLaunchArgs([], env)).toEqual({
      dataDir: defaultDataDir(env),
      demo: false,
      demoDir: join(defaultDataDir(env), 'demo'),
      officeDir: defaultDataDir(env),
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      rest: [],
    });
    expect(defaultDataDir(env)).toMatch(/ISP Desk$/);
  });

  it('takes --data, ISPDESK_DATA, --port and --host, in both spellings', () => {
    expect(parseLaunchArgs([], { ISPDESK_DATA: '/srv/isp' }).dataDir).toBe('/srv/isp');
    expect(
      parseLaunchArgs(['--data', '/tmp/a', '--port', '0', '--host', '0.0.0.0'], {
        ISPDESK_DATA: '/srv/isp',
      }),
    ).toEqual({
      dataDir: '/tmp/a',
      demo: false,
      demoDir: join('/tmp/a', 'demo'),
      officeDir: '/tmp/a',
      port: 0,
      host: '0.0.0.0',
      rest: [],
    });
    expect(parseLaunchArgs(['--data=/tmp/b=c', '--port=8080', 'log', 'verify'], {})).toEqual({
      dataDir: '/tmp/b=c',
      demo: false,
      demoDir: join('/tmp/b=c', 'demo'),
      officeDir: '/tmp/b=c',
      port: 8080,
      host: '127.0.0.1',
      rest: ['log', 'verify'],
    });
  });

  it('--demo opens <office folder>/demo, or --data itself, never the office folder', () => {
    const env = { XDG_CONFIG_HOME: '/home/o/.config' };
    const demo = join(defaultDataDir(env), 'demo');
    expect(parseLaunchArgs(['--demo'], env)).toMatchObject({ dataDir: demo, demo: true });
    expect(parseLaunchArgs(['--demo'], env).demoDir).toBe(demo);
    expect(parseLaunchArgs(['--demo'], { ISPDESK_DATA: '/srv/isp' }).dataDir).toBe(
      join('/srv/isp', 'demo'),
    );
    expect(parseLaunchArgs(['--data', '/tmp/d', '--demo'], env)).toMatchObject({
      dataDir: '/tmp/d',
      demoDir: '/tmp/d',
      demo: true,
    });
    // "Leave demo" goes back to the office folder, never to the demo folder.
    expect(parseLaunchArgs(['--demo'], env).officeDir).toBe(defaultDataDir(env));
    expect(
      parseLaunchArgs(['--data', '/tmp/d', '--demo'], { ISPDESK_DATA: '/srv/isp' }),
    ).toMatchObject({ dataDir: '/tmp/d', officeDir: '/srv/isp' });
    expect(() => parseLaunchArgs(['--demo=yes'], env)).toThrow('--demo takes no value');
  });

  it('refuses bad values with a readable message', () => {
    expect(() => parseLaunchArgs(['--port', 'eighty'], {})).toThrow(
      '--port must be a number from 0 to 65535, not "eighty"',
    );
    expect(() => parseLaunchArgs(['--port', '70000'], {})).toThrow(/0 to 65535/);
    expect(() => parseLaunchArgs(['--data'], {})).toThrow('--data needs a value');
    expect(() => parseLaunchArgs(['--host='], {})).toThrow('--host needs a value');
  });

  it('takes the TLS certificate and key from flags or the environment, both or neither', () => {
    expect(parseLaunchArgs([], {}).tls).toBeUndefined();
    expect(
      parseLaunchArgs(['--tls-cert', '/etc/isp/c.pem', '--tls-key=/etc/isp/k.pem'], {}).tls,
    ).toEqual({
      cert: '/etc/isp/c.pem',
      key: '/etc/isp/k.pem',
    });
    const env = { ISPDESK_TLS_CERT: '/env/c.pem', ISPDESK_TLS_KEY: '/env/k.pem' };
    expect(parseLaunchArgs([], env).tls).toEqual({ cert: '/env/c.pem', key: '/env/k.pem' });
    expect(parseLaunchArgs(['--tls-cert', '/x/c.pem'], env).tls).toEqual({
      cert: '/x/c.pem',
      key: '/env/k.pem',
    });
    for (const argv of [
      ['--tls-cert', '/x/c.pem'],
      ['--tls-key', '/x/k.pem'],
    ]) {
      expect(() => parseLaunchArgs(argv, {})).toThrow(
        '--tls-cert and --tls-key go together: give both files, or neither',
      );
    }
    expect(() => parseLaunchArgs(['--tls-key'], {})).toThrow('--tls-key needs a value');
  });

  it('finds the migrations and the renderer from the bundle folder', () => {
    const root = join('/opt', 'isp-desk');
    expect(bundlePaths(join(root, 'out', 'main'))).toEqual({
      root,
      migrationsFolder: join(root, 'migrations'),
      rendererDir: join(root, 'out', 'renderer'),
      preload: join(root, 'out', 'preload', 'index.js'),
      activityReader: join(root, 'out', 'main', 'activity-reader.js'),
      taskThreads: join(root, 'out', 'main', 'background-task.js'),
      passwordHasher: join(root, 'out', 'main', 'password-hasher.js'),
    });
  });
});
