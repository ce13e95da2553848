import type { In, Out } from '@contract/api';
import type { DownloadName, EventName, ProcedureName } from '@contract/channels';
import type { ErrorCode, FieldIssue, Result } from '@contract/errors';
import { issueSentence } from '@contract/zod-issues';
import type { DownloadOptions, DownloadOutcome, Transport } from '../api/transport';

/** What a fake procedure returns: a value, or an error envelope made with `fakeError`. */
type Reply<K extends ProcedureName> = Out<K> | FakeError;
export type FakeHandlers = {
  [K in ProcedureName]?: (input: In<K>) => Reply<K> | Promise<Reply<K>>;
};

export class FakeError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    readonly details?: unknown,
  ) {}
}
export const fakeError = (code: ErrorCode, message: string) => new FakeError(code, message);

/**
 * An error about one field, shaped as the core sends it: the field as data in `details.issues`,
 * and a message that names it ("port: …") unless `message` is given.
 */
export const fakeFieldError = (code: ErrorCode, issue: FieldIssue, message?: string) =>
  new FakeError(code, message ?? issueSentence(issue), { issues: [issue] });

export type FakeTransport = Transport & {
  calls: { name: ProcedureName; input: unknown }[];
  downloads: { name: DownloadName; input: unknown }[];
  /** Inputs of every call to `name`, in order. */
  inputsOf<K extends ProcedureName>(name: K): In<K>[];
  emit(event: EventName, payload: unknown): void;
};

export type FakeDownload = (
  name: DownloadName,
  input: unknown,
  options: DownloadOptions,
) => Result<DownloadOutcome> | Promise<Result<DownloadOutcome>>;

/**
 * A transport for renderer tests: the only thing faked is the edge to the main side. Procedures
 * without a handler fail with `internal`, so a test notices calls it did not expect. A download
 * handler may feed `options.onChunk` to play a streamed file body.
 */
export function createFakeTransport(
  handlers: FakeHandlers,
  download: FakeDownload = () => ({ ok: true, value: { kind: 'cancelled' } }),
  /** `ipc` plays the Electron shell (downloads report progress through `task.progress`). */
  kind: Transport['kind'] = 'http',
): FakeTransport {
  const calls: FakeTransport['calls'] = [];
  const downloads: FakeTransport['downloads'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  return {
    kind,
    calls,
    downloads,
    inputsOf<K extends ProcedureName>(name: K) {
      return calls.filter((c) => c.name === name).map((c) => c.input as In<K>);
    },
    async call(name, input) {
      calls.push({ name, input });
      const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
      if (!handler)
        return { ok: false, error: { code: 'internal', message: `No fake for ${name}` } };
      const reply = await handler(input);
      if (reply instanceof FakeError) {
        const { code, message, details } = reply;
        return {
          ok: false,
          error: details === undefined ? { code, message } : { code, message, details },
        };
      }
      return { ok: true, value: reply };
    },
    download(name, input, options = {}) {
      downloads.push({ name, input });
      return Promise.resolve(download(name, input, options));
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
