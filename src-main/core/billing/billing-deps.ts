import type { Permission } from '../../contract/roles';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import type { ClientsRepo } from '../clients/clients.repo';
import type { PlansRepo } from '../plans/plans.repo';
import type { SettingsService } from '../settings/settings.service';
import type { RouterSyncHooks } from '../sync/sync-hooks';
import type { LedgerRepo } from './ledger.repo';
import type { ReceiptsRepo } from './receipts.repo';

export type Ctx = ServiceContext & { actor: Actor };

/** What the money services share; built once in create-core.ts. */
export type BillingDeps = {
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  settings: SettingsService;
  clients: ClientsRepo;
  plans: PlansRepo;
  ledger: LedgerRepo;
  receipts: ReceiptsRepo;
  /** The session guard's check: logs the refusal and throws `forbidden`. */
  authorize: (actor: Actor, permission: Permission, procedure: string, meta: RequestMeta) => void;
  /** Queues the router restore of a reactivated client, in the renewal's transaction. */
  routerSync?: RouterSyncHooks;
};
