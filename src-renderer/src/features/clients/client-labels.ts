import { CLIENT_STATUSES } from '../../../../src-main/contract/schemas/clients';
import type { ClientStatus } from '../../../../src-main/contract/schemas/clients';
import type { ServiceType } from '../../../../src-main/contract/schemas/plans';

export const STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  suspended: 'Suspended',
  disabled: 'Disabled',
  archived: 'Archived',
};

export const STATUS_COLORS: Record<ClientStatus, string> = {
  active: 'teal',
  expired: 'red',
  suspended: 'orange',
  disabled: 'gray',
  archived: 'dark',
};

export const STATUS_OPTIONS = CLIENT_STATUSES.map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

export const SERVICE_LABELS: Record<ServiceType, string> = {
  pppoe: 'PPPoE',
  hotspot: 'Hotspot',
};

export const SERVICE_OPTIONS = (Object.keys(SERVICE_LABELS) as ServiceType[]).map((value) => ({
  value,
  label: SERVICE_LABELS[value],
}));
