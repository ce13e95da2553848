import type {
  ActivityEntry,
  ActivityFacets,
  ActivityHistogram,
  ActivitySearchOutput,
} from '../../../contract/schemas/activity';
import type { LogSource } from '../activity-source';
import type { ScopedFilter } from '../search-plan';

type From = { archive?: string };

/** The reads of the Activity Log screen: what they take and what they answer. */
export type LogReads = {
  search: {
    input: { filter: ScopedFilter; cursor?: number; limit?: number } & From;
    output: ActivitySearchOutput;
  };
  histogram: { input: { filter: ScopedFilter } & From; output: ActivityHistogram };
  facets: { input: { filter: ScopedFilter } & From; output: ActivityFacets };
  get: { input: { id: number } & From; output: ActivityEntry };
  countAfter: {
    input: { filter: ScopedFilter; afterId: number } & From;
    output: ActivitySearchOutput['total'];
  };
};
export type ReadMethod = keyof LogReads;
export type ReadRequest = {
  [M in ReadMethod]: { method: M; input: LogReads[M]['input'] };
}[ReadMethod];

/** Runs one read against the live log or an archive; the same code in and off the main thread. */
export const runRead = (
  source: (archive?: string) => LogSource,
  request: ReadRequest,
): LogReads[ReadMethod]['output'] => {
  const s = source(request.input.archive);
  switch (request.method) {
    case 'search':
      return s.search.search(request.input.filter, request.input);
    case 'histogram':
      return s.stats.histogram(request.input.filter);
    case 'facets':
      return s.stats.facets(request.input.filter);
    case 'get':
      return s.get(request.input.id);
    case 'countAfter':
      return s.search.countAfter(request.input.filter, request.input.afterId);
  }
};

/** Reads as the activity service uses them: asynchronous, wherever they run. */
export type LogReader = {
  read<M extends ReadMethod>(
    method: M,
    input: LogReads[M]['input'],
  ): Promise<LogReads[M]['output']>;
  close(): Promise<void>;
};

/** Reads on the calling thread (tests, the CLI, and where no reader thread is configured). */
export const createInProcessReader = (source: (archive?: string) => LogSource): LogReader => ({
  read: <M extends ReadMethod>(method: M, input: LogReads[M]['input']) =>
    Promise.resolve().then(
      () => runRead(source, { method, input } as ReadRequest) as LogReads[M]['output'],
    ),
  close: () => Promise.resolve(),
});
