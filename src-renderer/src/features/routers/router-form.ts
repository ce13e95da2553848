import type {
  CreateRouter,
  Router,
  RouterTlsMode,
  TestConnection,
  UpdateRouter,
} from '@contract/schemas/routers';
import { CreateRouterInput } from '@contract/schemas/routers';
import type { FieldErrors } from '../../lib/validate';
import { validateFields } from '../../lib/validate';

/** The router form's text fields (numbers are typed as text and parsed on submit). */
export type RouterFormValues = {
  name: string;
  host: string;
  port: string;
  apiUser: string;
  password: string;
  pollIntervalSec: string;
};

export const DEFAULT_POLL_INTERVAL_SEC = 30;

export const emptyRouterForm = (): RouterFormValues => ({
  name: '',
  host: '',
  port: '',
  apiUser: 'admin',
  password: '',
  pollIntervalSec: String(DEFAULT_POLL_INTERVAL_SEC),
});

export const routerToForm = (router: Router): RouterFormValues => ({
  name: router.name,
  host: router.host,
  port: router.port === null ? '' : String(router.port),
  apiUser: router.apiUser,
  password: '',
  pollIntervalSec: String(router.pollIntervalSec),
});

/** `''` → null (the transport's default port); anything else a number (NaN fails validation). */
const parsePort = (raw: string): number | null => (raw.trim() === '' ? null : Number(raw.trim()));
const parseInterval = (raw: string): number => Number(raw.trim());

export type ParsedRouterForm =
  { ok: true; input: CreateRouter } | { ok: false; errors: FieldErrors<RouterFormValues> };

const NUMBER_MESSAGES: Partial<Record<keyof RouterFormValues, string>> = {
  port: 'Port must be a whole number from 1 to 65535, or empty for the default',
  pollIntervalSec: 'Poll interval must be a whole number of seconds',
};

export const RETYPE_PASSWORD = 'Type the API password again for the new address or user.';

/** True when the form reaches another address (host, port, API-SSL) or user than the saved router. */
const addressChanged = (router: Router, input: CreateRouter): boolean =>
  input.host.trim().toLowerCase() !== router.host.toLowerCase() ||
  (input.port ?? null) !== router.port ||
  input.tls !== router.tls ||
  input.apiUser.trim() !== router.apiUser;

/**
 * Checks the form against the contract (an empty password is allowed: RouterOS allows one). When
 * editing, the stored password is kept only while the address and user stay the same: the server
 * never sends it anywhere else, so a changed address needs it typed again.
 */
export function parseRouterForm(
  values: RouterFormValues,
  tls: RouterTlsMode,
  saved: Router | null = null,
): ParsedRouterForm {
  const input: CreateRouter = {
    name: values.name,
    host: values.host,
    port: parsePort(values.port),
    tls,
    apiUser: values.apiUser,
    password: values.password,
    pollIntervalSec: parseInterval(values.pollIntervalSec),
  };
  const errors: FieldErrors<RouterFormValues> = validateFields(CreateRouterInput, input);
  if (errors.port) errors.port = NUMBER_MESSAGES.port;
  if (errors.pollIntervalSec && !Number.isInteger(input.pollIntervalSec)) {
    errors.pollIntervalSec = NUMBER_MESSAGES.pollIntervalSec;
  }
  if (saved && input.password === '' && !errors.password && addressChanged(saved, input)) {
    errors.password = RETYPE_PASSWORD;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...input,
      name: input.name.trim(),
      host: input.host.trim(),
      apiUser: input.apiUser.trim(),
    },
  };
}

/** An update with only what changed; an empty password keeps the stored one. */
export function toUpdateInput(router: Router, input: CreateRouter): UpdateRouter {
  const update: UpdateRouter = { id: router.id };
  if (input.name !== router.name) update.name = input.name;
  if (input.host !== router.host) update.host = input.host;
  if ((input.port ?? null) !== router.port) update.port = input.port ?? null;
  if (input.tls !== router.tls) update.tls = input.tls;
  if (input.apiUser !== router.apiUser) update.apiUser = input.apiUser;
  if (input.password !== '') update.password = input.password;
  if (input.pollIntervalSec !== router.pollIntervalSec)
    update.pollIntervalSec = input.pollIntervalSec;
  return update;
}

/** What "Test connection" sends: unsaved settings, or a saved router with the form's changes. */
export function toTestInput(router: Router | null, input: CreateRouter): TestConnection {
  const conn = {
    host: input.host,
    port: input.port ?? null,
    tls: input.tls,
    apiUser: input.apiUser,
  };
  if (!router) return { ...conn, password: input.password };
  return input.password === ''
    ? { id: router.id, ...conn }
    : { id: router.id, ...conn, password: input.password };
}
