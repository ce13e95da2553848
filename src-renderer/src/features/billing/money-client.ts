import type { Client } from '@contract/schemas/clients';

/** What the money dialogs need to know about a client (a list row or the full record). */
export type MoneyClient = Pick<
  Client,
  'id' | 'accountNo' | 'fullName' | 'status' | 'planId' | 'planName' | 'balance' | 'expiresAt'
>;
