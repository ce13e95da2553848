import type { Dashboard } from '../../contract/schemas/reports';
import type { ClientsRepo } from '../clients/clients.repo';

/**
 * Dashboard counts without a scan: per-status counts are kept by triggers (client_status_counts), and
 * "active but past expiry" / "expiring soon" are ranges of the (status, expires_at) index. A
 * client still marked active whose time has run out counts as expired.
 */
export const createClientCounts = (
  clients: Pick<ClientsRepo, 'countByStatus' | 'countActiveExpiring'>,
) => ({
  count: (now: number, soon: number): Dashboard['counts'] => {
    const m = clients.countByStatus();
    const lapsed = clients.countActiveExpiring(Number.MIN_SAFE_INTEGER, now + 1);
    return {
      active: (m.get('active') ?? 0) - lapsed,
      expired: (m.get('expired') ?? 0) + lapsed,
      expiringSoon: clients.countActiveExpiring(now + 1, soon),
      awaitingPayment: m.get('awaiting_payment') ?? 0,
      suspended: m.get('suspended') ?? 0,
      disabled: m.get('disabled') ?? 0,
      archived: m.get('archived') ?? 0,
    };
  },
});
