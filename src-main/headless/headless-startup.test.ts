import { createHash } from 'node:crypto';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestCore } from '../core/test-support/test-core';
import {
  UNPRIVILEGED,
  isRoot,
  processTempDir,
  startServerProcess,
  within,
  type ServerProcess,
} from './test-support/headless-process';

const PROCESS_TEST_MS = 60_000;

/** Who the server runs as in these tests. */
const serverUser = () => (isRoot ? UNPRIVILEGED.name : userInfo().username);

/** A data folder holding an office (made by this process), owned by the unprivileged user. */
const officeFolder = async (label: string): Promise<string> => {
  const dataDir = join(processTempDir(label, { forUser: true }), 'office');
  const tc = createTestCore({ dataDir });
  tc.core.start();
  await tc.close();
  if (isRoot) {
    for (const path of [dataDir, ...readdirSync(dataDir).map((n) => join(dataDir, n))]) {
      chownSync(path, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
    }
  }
  return dataDir;
};

/** Every file in the folder with its mode and content hash: equal means nothing changed. */
const snapshot = (dataDir: string) => {
  try {
    chmodSync(dataDir, statSync(dataDir).mode); // readable by this (root) test either way
    return readdirSync(dataDir)
      .sort()
      .map((name) => {
        const file = join(dataDir, name);
        const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
        return `${name} ${(statSync(file).mode & 0o777).toString(8)} ${hash}`;
      });
  } catch (e) {
    return [(e as NodeJS.ErrnoException).code ?? 'error'];
  }
};

/** Refused in one plain line on stderr, nothing on stdout, exit code 1. */
const expectRefused = async (server: ServerProcess): Promise<string> => {
  expect(await within(30_000, 'refusing', server.exited)).toEqual({ code: 1, signal: null });
  const lines = server.stderr().split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ISP Desk cannot start: /);
  expect(server.stdout()).toBe('');
  return lines[0] ?? '';
};

describe('start-up failures of the headless server', () => {
  it(
    'a read-only database file: one line, exit 1, nothing created or changed',
    async () => {
      const dataDir = await officeFolder('ro-file');
      chmodSync(join(dataDir, 'ispdesk.db'), 0o400);
      const before = snapshot(dataDir);
      const line = await expectRefused(startServerProcess(['--data', dataDir], { asUser: true }));
      expect(line).toBe(
        `ISP Desk cannot start: The file ${join(dataDir, 'ispdesk.db')} cannot be written by ` +
          `${serverUser()} (permission denied). Give ` +
          'that user write access, or start ISP Desk with another --data folder.',
      );
      expect(snapshot(dataDir)).toEqual(before);
    },
    PROCESS_TEST_MS,
  );

  it(
    'a read-only data folder: one line, exit 1, nothing created',
    async () => {
      const dataDir = await officeFolder('ro-folder');
      chmodSync(dataDir, 0o500);
      onTestFinished(() => chmodSync(dataDir, 0o700));
      const before = snapshot(dataDir);
      const line = await expectRefused(startServerProcess(['--data', dataDir], { asUser: true }));
      expect(line).toContain(`The data folder ${dataDir} cannot be written by`);
      expect(line).toContain('(permission denied)');
      expect(snapshot(dataDir)).toEqual(before);
    },
    PROCESS_TEST_MS,
  );

  it(
    'a data folder it may not even look into (EACCES): one line, exit 1, nothing created',
    async () => {
      const dataDir = await officeFolder('eacces');
      const parent = join(dataDir, '..');
      chmodSync(parent, 0o000);
      onTestFinished(() => chmodSync(parent, 0o755));
      const line = await expectRefused(startServerProcess(['--data', dataDir], { asUser: true }));
      expect(line).toContain(`The folder ${parent} cannot be written by ${serverUser()}`);
      chmodSync(parent, 0o755);
      expect(snapshot(dataDir).map((f) => f.split(' ')[0])).toEqual([
        'audit-signing-key.pem',
        'ispdesk.db',
        'secret.key',
      ]);
    },
    PROCESS_TEST_MS,
  );

  it(
    'a data folder on a read-only file system (EROFS): one line, exit 1, nothing created',
    async () => {
      const dataDir = await officeFolder('erofs');
      const before = snapshot(dataDir);
      // A read-only bind mount of the folder, in a mount namespace of the server's own.
      const mountReadOnly = (command: string[]) => [
        'unshare',
        ...(isRoot ? [] : ['--user', '--map-root-user']),
        '--mount',
        'sh',
        '-c',
        'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"',
        dataDir,
        ...command,
      ];
      const line = await expectRefused(
        startServerProcess(['--data', dataDir], { wrap: mountReadOnly }),
      );
      expect(line).toBe(
        `ISP Desk cannot start: The data folder ${dataDir} is on a read-only file system. ` +
          'Start ISP Desk with a writable --data folder.',
      );
      expect(snapshot(dataDir)).toEqual(before);
    },
    PROCESS_TEST_MS,
  );

  it(
    'a port in use: the core opened first is stopped again, one line, exit 1, no lock left',
    async () => {
      const dataDir = await officeFolder('port');
      const taken = createServer();
      await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
      onTestFinished(() => {
        taken.close();
      });
      const address = taken.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const files = snapshot(dataDir).map((f) => f.split(' ')[0]);
      const line = await expectRefused(
        startServerProcess(['--data', dataDir, '--host', '127.0.0.1', '--port', String(port)]),
      );
      expect(line).toMatch(
        new RegExp(
          `^ISP Desk cannot start: Cannot listen on 127\\.0\\.0\\.1:${String(port)}: .*EADDRINUSE`,
        ),
      );
      expect(snapshot(dataDir).map((f) => f.split(' ')[0])).toEqual(files);
    },
    PROCESS_TEST_MS,
  );
});
