import type { Sqlite } from '../db/open-database';

export type AlertEmail = {
  id: number;
  alertId: number;
  recipient: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: number;
  nextAttemptAt: number | null;
  sentAt: number | null;
};

type Row = {
  id: number;
  alert_id: number;
  recipient: string;
  subject: string;
  status: AlertEmail['status'];
  attempts: number;
  last_error: string | null;
  created_at: number;
  next_attempt_at: number | null;
  sent_at: number | null;
};

const toEmail = (r: Row): AlertEmail => ({
  id: r.id,
  alertId: r.alert_id,
  recipient: r.recipient,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  nextAttemptAt: r.next_attempt_at,
  sentAt: r.sent_at,
});

/** Repository of `alert_emails`, the send log of alert mail: one row per mail, its attempts. */
export const createAlertEmailsRepo = (sqlite: Sqlite) => {
  const insert = sqlite.prepare<[number, string, string, number, number]>(
    `INSERT INTO alert_emails (alert_id, recipient, subject, status, created_at, next_attempt_at)
     VALUES (?, ?, ?, 'pending', ?, ?)`,
  );
  const due = sqlite.prepare<[number], Row>(
    `SELECT * FROM alert_emails WHERE status = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT 20`,
  );
  const sent = sqlite.prepare<[number, number]>(
    `UPDATE alert_emails SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL,
     next_attempt_at = NULL WHERE id = ?`,
  );
  const failed = sqlite.prepare<[string, string, number | null, number]>(
    `UPDATE alert_emails SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?
     WHERE id = ?`,
  );
  const recent = sqlite.prepare<[number], Row>(
    'SELECT * FROM alert_emails ORDER BY id DESC LIMIT ?',
  );
  return {
    add: (alertId: number, recipient: string, subject: string, now: number): number =>
      Number(insert.run(alertId, recipient, subject, now, now).lastInsertRowid),
    due: (now: number): AlertEmail[] => due.all(now).map(toEmail),
    sent: (id: number, at: number): void => {
      sent.run(at, id);
    },
    /** A failed attempt: tried again at `retryAt`, or given up (`retryAt` null). */
    attemptFailed: (id: number, error: string, retryAt: number | null): void => {
      failed.run(retryAt === null ? 'failed' : 'pending', error, retryAt, id);
    },
    recent: (limit: number): AlertEmail[] => recent.all(limit).map(toEmail),
  };
};

export type AlertEmailsRepo = ReturnType<typeof createAlertEmailsRepo>;
