import type { Client } from '../../../../src-main/contract/schemas/clients';

/** What the money dialogs need to know about a client (a list row or the full record). */
export type MoneyClient = Pick<
  Client,
  'id' | 'accountNo' | 'fullName' | 'status' | 'planId' | 'planName' | 'balance' | 'expiresAt'
>;
