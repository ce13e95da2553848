import { defineEvent } from '../define-event';

type Alert = { title: string; alertId: number };

/**
 * Alerts raised by the rules over the log (core/alerts) and what staff do with them. The rules
 * ignore every `alert.*`/`alerts.*` entry, so that an alert never raises another.
 */
export const alertEvents = {
  'alert.raised': defineEvent<Alert & { severity: string }>(
    'system',
    'audit',
    'failure',
    (p) => `Alert #${String(p.alertId)} raised (${p.severity}): ${p.title}`,
  ),
  'alert.acknowledged': defineEvent<Alert & { by: string; note: string }>(
    'user',
    'audit',
    'success',
    (p) => `${p.by} acknowledged alert #${String(p.alertId)} "${p.title}": ${p.note}`,
  ),
  'alert.resolved': defineEvent<Alert & { by: string }>(
    'user',
    'audit',
    'success',
    (p) => `${p.by} resolved alert #${String(p.alertId)} "${p.title}"`,
  ),
  'alerts.rules_updated': defineEvent<{ by: string; changes: string }>(
    'administrative',
    'audit',
    'success',
    (p) => `${p.by} changed the alert rules: ${p.changes}`,
  ),
  'alerts.mail_updated': defineEvent<{ by: string; changes: string }>(
    'administrative',
    'audit',
    'success',
    (p) => `${p.by} changed the alert email settings: ${p.changes}`,
  ),
  'alerts.mail_failed': defineEvent<{ to: string; attempts: number; error: string }>(
    'system',
    'audit',
    'failure',
    (p) =>
      `An alert email to ${p.to} could not be sent after ${String(p.attempts)} attempts: ${p.error}`,
  ),
};
