import type { Role } from '@contract/roles';
import type { SessionUser } from '@contract/schemas/auth';
import { permissionsOf } from '@domain/permissions';
import type { LedgerEntry, Receipt } from '@contract/schemas/billing';
import type { Client, ClientListItem } from '@contract/schemas/clients';
import type { Plan } from '@contract/schemas/plans';
import type { OfficeGlance } from '@contract/schemas/reports';
import type { BillingSettings, OfficeProfile } from '@contract/schemas/settings';

/** Test data for the office screens (clients, plans, money). Used by renderer tests only. */

/** A signed-in staff member of `role`, with the permissions the core gives that role. */
export const staffUser = (role: Role): SessionUser => ({
  staffId: 7,
  username: role,
  displayName: `${role.charAt(0).toUpperCase()}${role.slice(1)} Person`,
  role,
  permissions: [...permissionsOf(role)],
  mustChangePassword: false,
});

export const SETTINGS: BillingSettings = {
  currencyCode: 'KES',
  minorUnitDigits: 2,
  timeZone: 'Africa/Nairobi',
  adjustmentLimit: 100_000,
  accountPrefix: 'AC',
};

const T0 = Date.UTC(2025, 0, 15, 7, 0); // 10:00 in Nairobi

export const PROFILE: OfficeProfile = {
  businessName: 'Kilimani Net Ltd',
  address: 'Argwings Kodhek Rd 12\nNairobi',
  phone: '+254 700 123 456',
  registrationNumber: 'P051234567X',
  receiptFooter: 'M-Pesa Paybill 123456. Support: support@kilimani.example',
  setupDone: true,
};

/** The dashboard's glance for an office that has done its first steps and has no trouble. */
export const GLANCE: OfficeGlance = {
  routers: {
    total: 2,
    online: 2,
    offline: 0,
    degraded: 0,
    unknown: 0,
    disabled: 0,
    lastProblem: null,
  },
  queue: { waiting: 0, failing: 0 },
  failingJobs: [],
  income: Array.from({ length: 30 }, (_, i) => ({
    day: `2025-01-${String(i + 1).padStart(2, '0')}`,
    net: 0,
  })),
  firstSteps: { profile: true, router: true, plan: true, client: true },
};

export const plan = (id: number, overrides: Partial<Plan> = {}): Plan => ({
  id,
  name: `Plan ${String(id)}`,
  serviceType: 'pppoe',
  rateDownKbps: 10_000,
  rateUpKbps: 2_000,
  burst: null,
  price: 250_000,
  validity: { unit: 'months', count: 1 },
  routerProfile: 'home-10m',
  expiryAction: 'isolate',
  isolationProfile: 'expired',
  isolationAddressList: null,
  graceDays: 0,
  active: true,
  clientCount: 0,
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

export const client = (id: number, overrides: Partial<Client> = {}): Client => ({
  id,
  accountNo: `AC${String(id).padStart(6, '0')}`,
  fullName: `Client ${String(id)}`,
  phone: '+254700000000',
  email: null,
  address: null,
  gps: null,
  serviceType: 'pppoe',
  serviceLogin: `client${String(id)}`,
  staticIp: null,
  mac: null,
  planId: 1,
  planName: 'Plan 1',
  routerId: null,
  routerName: null,
  status: 'active',
  expiresAt: Date.UTC(2099, 0, 1),
  graceEndsAt: null,
  balance: 0,
  notes: '',
  createdAt: T0,
  updatedAt: T0,
  archivedAt: null,
  ...overrides,
});

export const listItem = (c: Client): ClientListItem => ({
  id: c.id,
  accountNo: c.accountNo,
  fullName: c.fullName,
  phone: c.phone,
  serviceType: c.serviceType,
  serviceLogin: c.serviceLogin,
  staticIp: c.staticIp,
  planId: c.planId,
  planName: c.planName,
  routerId: c.routerId,
  status: c.status,
  expiresAt: c.expiresAt,
  balance: c.balance,
  createdAt: c.createdAt,
});

export const ledgerEntry = (id: number, overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  clientId: 1,
  kind: 'payment',
  amount: 300_000,
  method: 'cash',
  reference: null,
  reason: null,
  planId: null,
  periodStart: null,
  periodEnd: null,
  relatesTo: null,
  receiptNumber: id,
  staffId: 7,
  staffName: 'Carla Cashier',
  createdAt: T0,
  correlationId: `corr-${String(id)}`,
  voided: false,
  refunded: 0,
  ...overrides,
});

export const receipt = (number: number, overrides: Partial<Receipt> = {}): Receipt => ({
  number,
  code: `R-${String(number).padStart(6, '0')}`,
  kind: 'payment',
  issuedAt: T0,
  amount: 300_000,
  method: 'mobile_money',
  reference: 'QX7731',
  note: null,
  client: { id: 1, accountNo: 'AC000001', fullName: 'Amina Otieno' },
  staffName: 'Carla Cashier',
  currency: { code: 'KES', minorUnitDigits: 2 },
  balanceAfter: 50_000,
  entryId: 1,
  voided: false,
  renewal: {
    planName: 'Home 10M',
    periodStart: T0,
    periodEnd: Date.UTC(2025, 1, 15, 7, 0),
  },
  ...overrides,
});

/** The office settings with its zone: UTC by default, so a test reads times as it builds them. */
export const officeSettings = (timeZone = 'UTC'): BillingSettings => ({ ...SETTINGS, timeZone });
