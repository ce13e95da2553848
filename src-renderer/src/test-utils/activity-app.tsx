import type { SessionUser } from '@contract/schemas/auth';
import type { ActivityEntry } from '@contract/schemas/activity';
import type { Transport } from '../api/transport';
import { EMPTY_FACETS, EMPTY_HISTOGRAM, createFakeLog } from './fake-activity-log';
import { createFakeTransport } from './fake-transport';
import type { FakeDownload, FakeHandlers } from './fake-transport';
import { adminUser } from './fixtures';
import { SETTINGS } from './office-fixtures';
import { renderApp } from './render';

export type ActivityAppOptions = {
  path?: string;
  entries?: ActivityEntry[];
  handlers?: FakeHandlers;
  user?: SessionUser;
  download?: FakeDownload;
  kind?: Transport['kind'];
  /** The office's zone (settings `timeZone`); UTC unless a test says otherwise. */
  timeZone?: string;
};

/**
 * The whole app on the activity log screen, over a fake transport backed by an in-memory log.
 * Histogram, facets, saved searches and archives answer empty unless `handlers` say otherwise.
 */
export function renderActivityApp(options: ActivityAppOptions = {}) {
  const log = createFakeLog(options.entries ?? []);
  const transport = createFakeTransport(
    {
      'auth.status': () => ({ setupRequired: false, user: options.user ?? adminUser() }),
      'staff.list': () => [],
      'settings.get': () => ({ ...SETTINGS, timeZone: options.timeZone ?? 'UTC' }),
      'activity.histogram': () => EMPTY_HISTOGRAM,
      'activity.facets': () => EMPTY_FACETS,
      'searches.list': () => [],
      'activity.archives': () => [],
      ...log.handlers(),
      ...options.handlers,
    },
    options.download,
    options.kind,
  );
  const rendered = renderApp(transport, options.path ?? '/activity');
  const params = () => new URLSearchParams(rendered.router.state.location.search);
  const lastInput = <K extends Parameters<typeof transport.inputsOf>[0]>(name: K) =>
    transport.inputsOf(name).at(-1);
  return { ...rendered, transport, log, params, lastInput };
}
