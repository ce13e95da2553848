import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DOWNLOADS, EVENTS, PROCEDURES } from '../contract/channels';
import { exposed, ipcRenderer } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

type Bridge = {
  call: Record<string, (input: unknown) => Promise<unknown>>;
  download: Record<string, (input: unknown) => Promise<unknown>>;
  savePdf: (name: string) => Promise<unknown>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

/** Every value reachable from the bridge: nothing in it may be ipcRenderer or a Node object. */
const reachable = (root: unknown): unknown[] => {
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
    seen.add(v);
    for (const key of Object.getOwnPropertyNames(v)) {
      if (typeof v === 'function' && ['prototype', 'length', 'name'].includes(key)) continue;
      walk((v as Record<string, unknown>)[key]);
    }
  };
  walk(root);
  return [...seen];
};

describe('the preload', () => {
  let bridge: Bridge;
  beforeAll(async () => {
    await import('../../src-preload/index');
    bridge = exposed.get('ispdesk') as Bridge;
  });

  it('exposes exactly the typed bridge, as window.ispdesk, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['ispdesk']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'download', 'on', 'savePdf']);
    expect(Object.keys(bridge.call).sort()).toEqual([...PROCEDURES].sort());
    expect(Object.keys(bridge.download).sort()).toEqual([...DOWNLOADS].sort());
    const values = reachable(bridge);
    expect(values).not.toContain(ipcRenderer);
    expect(values.includes(process)).toBe(false);
    expect(
      values.every((v) => typeof v === 'function' || Object.getPrototypeOf(v) === Object.prototype),
    ).toBe(true);
  });

  it('each method invokes its own channel with the input only', async () => {
    expect(await bridge.call['clients.list']?.({ page: 1 })).toEqual({
      ok: true,
      value: 'clients.list',
    });
    await bridge.download['activity.export']?.({ format: 'csv' });
    await bridge.savePdf('Receipt R-1');
    expect(ipcRenderer.invoked).toEqual([
      ['clients.list', [{ page: 1 }]],
      ['download:activity.export', [{ format: 'csv' }]],
      ['shell:savePdf', ['Receipt R-1']],
    ]);
  });

  it('listens to known events only, hands over the payload alone, and can stop', () => {
    expect(() => bridge.on('anything', () => undefined)).toThrow('Unknown event anything');
    const got: unknown[][] = [];
    const off = bridge.on(EVENTS[0], (...args) => got.push(args));
    // Electron passes its IpcRendererEvent (whose `sender` is ipcRenderer) first: it must not leak.
    ipcRenderer.emit(EVENTS[0], { sender: ipcRenderer }, { lastId: 1, count: 1 });
    off();
    ipcRenderer.emit(EVENTS[0], { sender: ipcRenderer }, { lastId: 2, count: 1 });
    expect(got).toEqual([[{ lastId: 1, count: 1 }]]);
    expect(ipcRenderer.listenerCount(EVENTS[0])).toBe(0);
  });
});
