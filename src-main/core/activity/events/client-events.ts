import { defineEvent } from '../define-event';

type ClientChange = { by: string; account: string; name: string };

export const clientEvents = {
  'client.created': defineEvent<ClientChange & { plan: string }>(
    'administrative',
    'client',
    'success',
    (p) => `${p.by} created client ${p.account} "${p.name}" on plan "${p.plan}"`,
  ),
  'client.updated': defineEvent<ClientChange & { changes: string }>(
    'administrative',
    'client',
    'success',
    (p) => `${p.by} changed client ${p.account} "${p.name}": ${p.changes}`,
  ),
  'client.archived': defineEvent<ClientChange>(
    'administrative',
    'client',
    'success',
    (p) => `${p.by} archived client ${p.account} "${p.name}"`,
  ),
  'client.restored': defineEvent<ClientChange & { status: string }>(
    'administrative',
    'client',
    'success',
    (p) => `${p.by} restored client ${p.account} "${p.name}" (now ${p.status})`,
  ),
  'client.password_revealed': defineEvent<ClientChange>(
    'user',
    'client',
    'success',
    (p) => `${p.by} revealed the service password of ${p.account} "${p.name}"`,
  ),
  'clients.imported': defineEvent<{
    by: string;
    imported: number;
    rejected: number;
    cancelled?: boolean;
  }>(
    'administrative',
    'client',
    'success',
    (p) =>
      `${p.by} imported ${String(p.imported)} clients from CSV (${String(p.rejected)} rows rejected)` +
      (p.cancelled ? '; cancelled before the rest' : ''),
  ),
  'clients.import_checked': defineEvent<{
    by: string;
    rows: number;
    accepted: number;
    rejected: number;
  }>(
    'user',
    'client',
    'success',
    (p) =>
      `${p.by} checked a CSV file of ${String(p.rows)} clients for import (${String(p.accepted)} accepted, ${String(p.rejected)} rejected)`,
  ),
  'clients.exported': defineEvent<{ by: string; rows: number; withPasswords?: boolean }>(
    'user',
    'client',
    'success',
    (p) =>
      `${p.by} exported ${String(p.rows)} clients as CSV${p.withPasswords ? ' with their service passwords' : ''}`,
  ),
};
