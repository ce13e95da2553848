import { defineEvent } from '../define-event';
import { counted } from '../../../domain/plural';

type By = { by: string };
type Named = { name: string };
const n = (v: number) => String(v);

/** Routers: configuration (network), health checks, pushes and auto-sync, expiry processing. */
export const routerEvents = {
  // --- configuration (Administrative, network) -------------------------------------------------
  'router.created': defineEvent<By & Named & { address: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} added router "${p.name}" at ${p.address}`,
  ),
  'router.updated': defineEvent<By & Named & { changes: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} changed router "${p.name}": ${p.changes}`,
  ),
  'router.disabled': defineEvent<By & Named>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} disabled router "${p.name}" (no polling, no pushes)`,
  ),
  'router.enabled': defineEvent<By & Named>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} enabled router "${p.name}"`,
  ),
  'router.removed': defineEvent<By & Named & { pending: number }>(
    'administrative',
    'network',
    'success',
    (p) =>
      `${p.by} removed router "${p.name}"` +
      (p.pending > 0 ? ` (${counted(p.pending, 'queued change')} dropped)` : ''),
  ),
  'router.connection_tested': defineEvent<By & Named & { result: string }>(
    'user',
    'network',
    'success',
    (p) => `${p.by} tested the connection to ${p.name}: ${p.result}`,
  ),
  'network.settings_updated': defineEvent<By & { changes: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} changed network settings: ${p.changes}`,
  ),

  // --- health checks (System) ------------------------------------------------------------------
  'router.offline': defineEvent<Named & { error: string }>(
    'system',
    'health_check',
    'failure',
    (p) => `Router "${p.name}" went offline: ${p.error}`,
  ),
  'router.online': defineEvent<Named & { downtime: string }>(
    'system',
    'health_check',
    'success',
    (p) => `Router "${p.name}" is back online after ${p.downtime}`,
  ),
  'router.first_seen': defineEvent<Named & { identity: string; version: string }>(
    'system',
    'health_check',
    'success',
    (p) => `Router "${p.name}" answered: ${p.identity}, RouterOS ${p.version}`,
  ),
  'router.rebooted': defineEvent<Named & { uptimeBefore: string; uptimeNow: string }>(
    'system',
    'health_check',
    'failure',
    (p) => `Router "${p.name}" rebooted (uptime ${p.uptimeBefore} → ${p.uptimeNow})`,
  ),
  'router.metric_high': defineEvent<Named & { metric: string; value: number; threshold: number }>(
    'system',
    'health_check',
    'failure',
    (p) => `Router "${p.name}": ${p.metric} at ${n(p.value)}% (threshold ${n(p.threshold)}%)`,
  ),
  'router.metric_normal': defineEvent<Named & { metric: string; value: number }>(
    'system',
    'health_check',
    'success',
    (p) => `Router "${p.name}": ${p.metric} back to normal (${n(p.value)}%)`,
  ),
  'router.flapping': defineEvent<Named & { changes: number; windowMin: number }>(
    'system',
    'health_check',
    'failure',
    (p) =>
      `Router "${p.name}" is flapping: ${counted(p.changes, 'up/down change')} in ${n(p.windowMin)} min; ` +
      'further changes are not logged one by one until it settles',
  ),
  'router.stable': defineEvent<Named & { suppressed: number; status: string }>(
    'system',
    'health_check',
    'success',
    (p) =>
      `Router "${p.name}" settled (${p.status}); ${counted(p.suppressed, 'up/down change')} not logged while flapping`,
  ),

  // --- pushes and auto-sync (System; under the correlation id of the cause) --------------------
  'sync.pushed': defineEvent<{ router: string; subject: string; summary: string }>(
    'system',
    'auto_sync',
    'success',
    (p) => `Router "${p.router}" updated for ${p.subject}: ${p.summary}`,
  ),
  'sync.push_failed': defineEvent<{ router: string; subject: string; error: string }>(
    'system',
    'auto_sync',
    'failure',
    (p) =>
      `Router "${p.router}" not updated for ${p.subject}: ${p.error.replace(/\.$/, '')}; will retry`,
  ),
  'sync.applied': defineEvent<
    By & { routers: number; added: number; updated: number; removed: number; failed: number }
  >(
    'administrative',
    'auto_sync',
    'success',
    (p) =>
      `${p.by} ran auto-sync on ${counted(p.routers, 'router')}: ${n(p.added)} added, ` +
      `${n(p.updated)} changed, ${n(p.removed)} removed, ${n(p.failed)} failed`,
  ),
  'sync.auto_run': defineEvent<{
    routers: number;
    drifted: number;
    fixed: number;
    unreachable: number;
    mode: string;
  }>(
    'system',
    'auto_sync',
    'success',
    (p) =>
      `Auto-sync (${p.mode}) checked ${counted(p.routers, 'router')}: ${n(p.drifted)} with drift, ` +
      `${n(p.fixed)} entries fixed, ${n(p.unreachable)} unreachable`,
  ),

  // --- expiry processing (System) --------------------------------------------------------------
  'subscription.expired': defineEvent<{
    account: string;
    name: string;
    plan: string;
    action: string;
  }>(
    'system',
    'expiry',
    'success',
    (p) => `Subscription of ${p.account} "${p.name}" (${p.plan}) expired: ${p.action}`,
  ),
  'expiry.run_completed': defineEvent<{
    expired: number;
    isolated: number;
    queued: number;
    noRouter: number;
  }>(
    'system',
    'expiry',
    'success',
    (p) =>
      `Expiry run: ${counted(p.expired, 'client')} expired, ${n(p.isolated)} isolated on their router, ` +
      `${n(p.queued)} waiting in the queue, ${n(p.noRouter)} without a router`,
  ),
};
