import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MAX_CONNECTIONS_PER_ADDRESS } from './connection-cap';
import { serveCore } from './test-support/serve-core';

/** An open TCP connection from `from`; resolves once it is established. */
const open = async (port: number, from: string): Promise<Socket> => {
  const socket = connect({ host: '127.0.0.1', port, localAddress: from });
  onTestFinished(() => void socket.destroy());
  await once(socket, 'connect');
  return socket;
};

describe('connections per address', () => {
  it('cuts a connection beyond the cap at once, while other addresses are served', async () => {
    const s = await serveCore();
    const held = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_ADDRESS; i++)
      held.push(await open(s.port, '127.0.0.2'));

    // One more from the same address is closed by the server before it says anything.
    const extra = await open(s.port, '127.0.0.2');
    extra.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    let answer = '';
    extra.on('data', (c: Buffer) => (answer += c.toString()));
    extra.on('error', () => undefined);
    await once(extra, 'close');
    expect(answer).toBe('');

    // Another workstation is not affected.
    expect((await s.send({ path: '/', from: '127.0.0.3' })).status).toBe(200);

    // A connection that closes frees its place.
    const first = held[0];
    if (!first) throw new Error('no connection');
    first.destroy();
    const closed = held.slice(1);
    await expect
      .poll(async () => (await s.send({ path: '/', from: '127.0.0.2' }).catch(() => null))?.status)
      .toBe(200);
    for (const c of closed) c.destroy();
  });
});
