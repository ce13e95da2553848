/**
 * Runtime fixes for node-routeros 1.6.9 (discontinued). They are applied by the adapter, which
 * passes the library's classes in, so that this file does not import the library itself.
 *
 * 1. `!empty` (RouterOS 7.18+) is "no data", not an unknown reply that throws UNKNOWNREPLY from a
 *    socket callback (node-red-contrib-mikrotik PR #102 makes the same fix).
 * 2. Anything thrown while parsing incoming data (UNKNOWNREPLY for unknown reply words,
 *    UNREGISTEREDTAG for replies to closed or unknown tags, …) is caught in the socket `data`
 *    handler and turned into an `error` event carrying a {@link ProtocolFault}, then the socket is
 *    destroyed. Unpatched, these are uncaught exceptions that kill the process.
 * 3. A socket error with no listener left (after the connector removed its listeners) is dropped
 *    instead of being thrown by EventEmitter; the original error is kept as `cause`.
 * 4. A reply whose final zero byte arrives in its own TCP segment is delivered at once instead of
 *    waiting for the next reply (up to `timeout/2` seconds, the keepalive interval).
 * 5. The socket gets `setNoDelay(true)`: the library writes every word with its own `write()`, so
 *    with Nagle's algorithm each command waits for the router's delayed ACK (~40 ms on Linux).
 */

/** The error the patched parser emits: the connection is out of step and must be dropped. */
export class ProtocolFault extends Error {
  constructor(
    message: string,
    readonly original: unknown,
  ) {
    super(message);
    this.name = 'ProtocolFault';
  }
}

type Method = (this: object, ...args: unknown[]) => unknown;

type Emitter = {
  emit(event: string, ...args: unknown[]): boolean;
  listenerCount(event: string): number;
  destroy(): void;
};

const PATCHED = Symbol.for('isp-desk.node-routeros.patched');

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

const isEmitter = (v: unknown): v is Emitter =>
  isObject(v) &&
  typeof Reflect.get(v, 'emit') === 'function' &&
  typeof Reflect.get(v, 'listenerCount') === 'function' &&
  typeof Reflect.get(v, 'destroy') === 'function';

const prototypeOf = (ctor: unknown, name: string): object => {
  const proto: unknown =
    isObject(ctor) || typeof ctor === 'function' ? Reflect.get(ctor, 'prototype') : undefined;
  if (!isObject(proto)) throw new Error(`node-routeros: ${name} has no prototype`);
  return proto;
};

const methodOf = (proto: object, name: string): Method => {
  const m: unknown = Reflect.get(proto, name);
  if (typeof m !== 'function') throw new Error(`node-routeros: missing method ${name}`);
  return function (this: object, ...args: unknown[]): unknown {
    return Reflect.apply(m, this, args) as unknown;
  };
};

const describe = (e: unknown): string => {
  if (e instanceof Error) {
    const errno: unknown = Reflect.get(e, 'errno');
    return typeof errno === 'string' && errno !== '' ? `${errno}: ${e.message}` : e.message;
  }
  return String(e);
};

export type NodeRouterosClasses = { Channel: unknown; Connector: unknown; Receiver: unknown };

/** Applies the fixes once per loaded copy of the library; later calls do nothing. */
export const patchNodeRouteros = (lib: NodeRouterosClasses): void => {
  const channel = prototypeOf(lib.Channel, 'Channel');
  const connector = prototypeOf(lib.Connector, 'Connector');
  const receiver = prototypeOf(lib.Receiver, 'Receiver');
  if (Reflect.get(connector, PATCHED) === true) return;

  const processPacket = methodOf(channel, 'processPacket');
  Reflect.set(channel, 'processPacket', function (this: object, packet: unknown) {
    if (Array.isArray(packet) && packet[0] === '!empty') return undefined;
    return processPacket.call(this, packet);
  });

  const onData = methodOf(connector, 'onData');
  Reflect.set(connector, 'onData', function (this: object, data: unknown) {
    try {
      return onData.call(this, data);
    } catch (e) {
      if (!isEmitter(this)) throw e;
      const fault = new ProtocolFault(`protocol error: ${describe(e)}`, e);
      if (this.listenerCount('error') > 0) this.emit('error', fault, this);
      this.destroy();
      return undefined;
    }
  });

  Reflect.set(connector, 'onError', function (this: object, err: unknown) {
    if (!isEmitter(this)) return undefined;
    const errno: unknown = isObject(err) ? Reflect.get(err, 'errno') : undefined;
    const wrapped =
      err instanceof ProtocolFault
        ? err
        : Object.assign(new Error(describe(err)), { errno, cause: err });
    if (this.listenerCount('error') > 0) this.emit('error', wrapped, this);
    this.destroy();
    return undefined;
  });

  const connect = methodOf(connector, 'connect');
  Reflect.set(connector, 'connect', function (this: object) {
    const result = connect.call(this);
    const socket: unknown = Reflect.get(this, 'socket');
    const setNoDelay: unknown = isObject(socket) ? Reflect.get(socket, 'setNoDelay') : undefined;
    if (isObject(socket) && typeof setNoDelay === 'function')
      Reflect.apply(setNoDelay, socket, [true]);
    return result;
  });

  const processRawData = methodOf(receiver, 'processRawData');
  const sendTagData = methodOf(receiver, 'sendTagData');
  Reflect.set(receiver, 'processRawData', function (this: object, data: unknown) {
    const result = processRawData.call(this, data);
    const endsWithZero = Buffer.isBuffer(data) && data.length > 0 && data[data.length - 1] === 0;
    const tag: unknown = Reflect.get(this, 'currentTag');
    const packet: unknown = Reflect.get(this, 'currentPacket');
    const pipe: unknown = Reflect.get(this, 'sentencePipe');
    if (
      endsWithZero &&
      Reflect.get(this, 'dataLength') === 0 &&
      !Reflect.get(this, 'lengthDescriptorSegment') &&
      Array.isArray(pipe) &&
      pipe.length === 0 &&
      typeof tag === 'string' &&
      tag !== '' &&
      Array.isArray(packet) &&
      packet.length > 0
    ) {
      sendTagData.call(this, tag);
    }
    return result;
  });

  Reflect.set(connector, PATCHED, true);
};
