import type { In } from '@contract/api';
import { CreateClientInput, SETTABLE_STATUSES } from '@contract/schemas/clients';
import type { Client } from '@contract/schemas/clients';
import { fieldIssuesOf } from '@contract/zod-issues';
import { addFieldErrors, topFieldErrors } from '../../lib/validate';

type Settable = (typeof SETTABLE_STATUSES)[number];

export type ClientFormValues = {
  fullName: string;
  phone: string;
  email: string;
  address: string;
  latitude: string;
  longitude: string;
  serviceType: 'pppoe' | 'hotspot';
  serviceLogin: string;
  servicePassword: string;
  staticIp: string;
  mac: string;
  planId: string;
  routerId: string;
  notes: string;
  /** Edit only; '' leaves the status alone (expired and archived are not set by hand). */
  status: Settable | '';
};

export type ClientField =
  | 'fullName'
  | 'phone'
  | 'email'
  | 'address'
  | 'gps'
  | 'serviceType'
  | 'serviceLogin'
  | 'servicePassword'
  | 'staticIp'
  | 'mac'
  | 'planId'
  | 'routerId'
  | 'notes'
  | 'status';

export const CLIENT_FIELDS: readonly ClientField[] = [
  'fullName',
  'phone',
  'email',
  'address',
  'gps',
  'serviceType',
  'serviceLogin',
  'servicePassword',
  'staticIp',
  'mac',
  'planId',
  'routerId',
  'notes',
  'status',
];

export type ClientErrors = Partial<Record<ClientField, string>>;
export type CreateClient = In<'clients.create'>;

export const emptyClientForm = (planId: number | null): ClientFormValues => ({
  fullName: '',
  phone: '',
  email: '',
  address: '',
  latitude: '',
  longitude: '',
  serviceType: 'pppoe',
  serviceLogin: '',
  servicePassword: '',
  staticIp: '',
  mac: '',
  planId: planId === null ? '' : String(planId),
  routerId: '',
  notes: '',
  status: '',
});

const isSettable = (s: string): s is Settable =>
  (SETTABLE_STATUSES as readonly string[]).includes(s);

export const clientToForm = (c: Client): ClientFormValues => ({
  fullName: c.fullName,
  phone: c.phone,
  email: c.email ?? '',
  address: c.address ?? '',
  latitude: c.gps ? String(c.gps.lat) : '',
  longitude: c.gps ? String(c.gps.lng) : '',
  serviceType: c.serviceType,
  serviceLogin: c.serviceLogin,
  servicePassword: '',
  staticIp: c.staticIp ?? '',
  mac: c.mac ?? '',
  planId: String(c.planId),
  routerId: c.routerId === null ? '' : String(c.routerId),
  notes: c.notes,
  status: isSettable(c.status) ? c.status : '',
});

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
const COORD = /^-?\d{1,3}(\.\d{1,8})?$/;

/**
 * The form as a `clients.create` input, or per-field errors. `passwordRequired` is false when
 * editing (an empty password box keeps the stored one). The contract schema checks the rest.
 */
export function clientFormToInput(
  v: ClientFormValues,
  { passwordRequired }: { passwordRequired: boolean },
): { ok: true; input: CreateClient } | { ok: false; errors: ClientErrors } {
  const errors: ClientErrors = {};
  let gps: CreateClient['gps'] = null;
  const lat = v.latitude.trim();
  const lng = v.longitude.trim();
  if (lat !== '' || lng !== '') {
    if (!COORD.test(lat) || !COORD.test(lng)) {
      errors.gps =
        'GPS needs both latitude and longitude in decimal degrees, e.g. -1.28638 and 36.81722';
    } else {
      gps = { lat: Number(lat), lng: Number(lng) };
    }
  }
  const planId = Number(v.planId);
  if (!Number.isSafeInteger(planId) || planId <= 0) errors.planId = 'Choose a plan';
  let routerId: number | null = null;
  if (v.routerId.trim() !== '') {
    const n = Number(v.routerId.trim());
    if (!Number.isSafeInteger(n) || n <= 0)
      errors.routerId = 'Router ID is a positive whole number';
    else routerId = n;
  }

  const keepPassword = v.servicePassword === '' && !passwordRequired;
  const input: CreateClient = {
    fullName: v.fullName.trim(),
    phone: v.phone.trim(),
    email: orNull(v.email),
    address: orNull(v.address),
    gps,
    serviceType: v.serviceType,
    serviceLogin: v.serviceLogin.trim(),
    // Checked as given: a password is not trimmed (spaces are refused, not silently dropped).
    // When editing, an empty box keeps the stored password: a stand-in passes the check.
    servicePassword: keepPassword ? 'unchanged' : v.servicePassword,
    staticIp: orNull(v.staticIp),
    mac: orNull(v.mac),
    planId: errors.planId ? 1 : planId,
    routerId,
    notes: v.notes.trim(),
  };
  const checked = CreateClientInput.safeParse(input);
  if (!checked.success) {
    addFieldErrors(errors, topFieldErrors(fieldIssuesOf(checked.error)));
  }
  if (!checked.success || Object.keys(errors).length > 0) return { ok: false, errors };
  // The parsed values: trimmed, MAC upper-cased, as the server will store them.
  return {
    ok: true,
    input: keepPassword ? { ...checked.data, servicePassword: '' } : checked.data,
  };
}

/** Only what changed, for `clients.update`; null when nothing did. */
export function clientChanges(
  client: Client,
  input: CreateClient,
  status: ClientFormValues['status'],
): In<'clients.update'> | null {
  const update: In<'clients.update'> = { id: client.id };
  if (input.fullName !== client.fullName) update.fullName = input.fullName;
  if (input.phone !== client.phone) update.phone = input.phone;
  if ((input.email ?? null) !== client.email) update.email = input.email ?? null;
  if ((input.address ?? null) !== client.address) update.address = input.address ?? null;
  const gps = input.gps ?? null;
  if (JSON.stringify(gps) !== JSON.stringify(client.gps)) update.gps = gps;
  if (input.serviceType !== client.serviceType) update.serviceType = input.serviceType;
  if (input.serviceLogin !== client.serviceLogin) update.serviceLogin = input.serviceLogin;
  if (input.servicePassword !== '') update.servicePassword = input.servicePassword;
  if ((input.staticIp ?? null) !== client.staticIp) update.staticIp = input.staticIp ?? null;
  if ((input.mac ?? null) !== client.mac) update.mac = input.mac ?? null;
  if (input.planId !== client.planId) update.planId = input.planId;
  if ((input.routerId ?? null) !== client.routerId) update.routerId = input.routerId ?? null;
  if ((input.notes ?? '') !== client.notes) update.notes = input.notes ?? '';
  if (status !== '' && status !== client.status) update.status = status;
  return Object.keys(update).length > 1 ? update : null;
}
