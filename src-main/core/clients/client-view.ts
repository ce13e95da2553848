import type { Client } from '../../contract/schemas/clients';
import { graceEnd } from '../../domain/renewal-period';
import type { ClientRecord, ClientWithPlan } from './clients.repo';

export const toClient = (c: ClientWithPlan): Client => ({
  id: c.id,
  accountNo: c.accountNo,
  fullName: c.fullName,
  phone: c.phone,
  email: c.email,
  address: c.address,
  gps: c.gpsLat !== null && c.gpsLng !== null ? { lat: c.gpsLat, lng: c.gpsLng } : null,
  serviceType: c.serviceType,
  serviceLogin: c.serviceLogin,
  staticIp: c.staticIp,
  mac: c.mac,
  planId: c.planId,
  planName: c.planName,
  routerId: c.routerId,
  routerName: c.routerName,
  status: c.status,
  expiresAt: c.expiresAt,
  graceEndsAt: graceEnd(c.expiresAt, c.planGraceDays),
  balance: c.balance,
  notes: c.notes,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  archivedAt: c.archivedAt,
});

/** What the activity log keeps of a client: flat, comparable, never the password. */
export const auditView = (c: ClientRecord) => ({
  accountNo: c.accountNo,
  fullName: c.fullName,
  phone: c.phone,
  email: c.email,
  address: c.address,
  gps: c.gpsLat !== null && c.gpsLng !== null ? `${String(c.gpsLat)},${String(c.gpsLng)}` : null,
  serviceType: c.serviceType,
  serviceLogin: c.serviceLogin,
  staticIp: c.staticIp,
  mac: c.mac,
  planId: c.planId,
  routerId: c.routerId,
  status: c.status,
  expiresAt: c.expiresAt,
  notes: c.notes,
});

/** Passwords are sealed with this purpose string (see shared/secret-box.ts). */
export const SERVICE_PASSWORD_PURPOSE = 'client.service_password';
