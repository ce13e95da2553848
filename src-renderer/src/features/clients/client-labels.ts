import type { ClientStatus } from '@contract/schemas/clients';
import type { ServiceType } from '@contract/schemas/plans';

export const STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  awaiting_payment: 'Awaiting first payment',
  expired: 'Expired',
  suspended: 'Suspended',
  disabled: 'Disabled',
  archived: 'Archived',
};

export const STATUS_COLORS: Record<ClientStatus, string> = {
  active: 'teal',
  awaiting_payment: 'blue',
  expired: 'red',
  suspended: 'orange',
  disabled: 'gray',
  archived: 'dark',
};

export const SERVICE_LABELS: Record<ServiceType, string> = {
  pppoe: 'PPPoE',
  hotspot: 'Hotspot',
};

export const SERVICE_OPTIONS = (Object.keys(SERVICE_LABELS) as ServiceType[]).map((value) => ({
  value,
  label: SERVICE_LABELS[value],
}));
