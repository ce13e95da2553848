import nodemailer from 'nodemailer';
import type { Alert, AlertMailSettings, UpdateAlertMail } from '../../contract/schemas/alerts';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import type { Logger } from '../shared/logger';
import type { SecretBox } from '../shared/secret-box';
import { createSettingsGroup } from '../settings/settings-group';
import { createSettingsRepo } from '../settings/settings.repo';
import { createAlertEmailsRepo } from './alert-emails.repo';

type StoredMail = Omit<AlertMailSettings, 'passwordSet'>;

const DEFAULT_MAIL: StoredMail = {
  enabled: false,
  host: '',
  port: 587,
  tls: false,
  user: '',
  from: '',
  to: '',
};
const KEYS: Record<keyof StoredMail, string> = {
  enabled: 'alerts.mail.enabled',
  host: 'alerts.mail.host',
  port: 'alerts.mail.port',
  tls: 'alerts.mail.tls',
  user: 'alerts.mail.user',
  from: 'alerts.mail.from',
  to: 'alerts.mail.to',
};
/** The SMTP password, sealed with the data folder's key; never logged, never sent out. */
const PASSWORD_KEY = 'alerts.mail.password_box';
const PASSWORD_PURPOSE = 'alerts.smtp-password';

export type AlertMailTiming = {
  /** The first wait after a failed attempt, doubled each time. */
  retryMs: number;
  attempts: number;
  timeoutMs: number;
};
const DEFAULT_TIMING: AlertMailTiming = { retryMs: 30_000, attempts: 5, timeoutMs: 15_000 };

/**
 * Email to the office's owner when an alert is raised, over SMTP (nodemailer): queued in the
 * send log (`alert_emails`) with the alert, sent outside any transaction, retried with back-off,
 * given up after a few attempts with a log entry.
 */
export const createAlertMail = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  logger: Logger;
  box: SecretBox;
  systemMeta: () => RequestMeta;
  timeZone: () => string;
  timing?: Partial<AlertMailTiming>;
}) => {
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const group = createSettingsGroup<StoredMail>({
    ...deps,
    keys: KEYS,
    defaults: DEFAULT_MAIL,
    event: 'alerts.mail_updated',
    target: { id: 'alert-mail', label: 'Alert email settings' },
  });
  const settingsRepo = createSettingsRepo(deps.sqlite);
  const log = createAlertEmailsRepo(deps.sqlite);
  const passwordBox = () => settingsRepo.get(PASSWORD_KEY) ?? '';

  const settings = (): AlertMailSettings => ({ ...group.get(), passwordSet: passwordBox() !== '' });

  let sending: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const sendDue = async (): Promise<void> => {
    const s = group.get();
    const box = passwordBox();
    const transport = nodemailer.createTransport({
      host: s.host,
      port: s.port,
      secure: s.tls,
      connectionTimeout: timing.timeoutMs,
      greetingTimeout: timing.timeoutMs,
      socketTimeout: timing.timeoutMs,
      ...(s.user
        ? { auth: { user: s.user, pass: box ? deps.box.open(box, PASSWORD_PURPOSE) : '' } }
        : {}),
    });
    try {
      for (const m of log.due(deps.clock.now())) {
        const body = bodies.get(m.id) ?? m.subject;
        try {
          await transport.sendMail({
            from: s.from || s.to,
            to: m.recipient,
            subject: m.subject,
            text: body,
          });
          deps.write(() => {
            log.sent(m.id, deps.clock.now());
          });
          bodies.delete(m.id);
        } catch (e) {
          const error = (e instanceof Error ? e.message : String(e)).slice(0, 300);
          const attempts = m.attempts + 1;
          const giveUp = attempts >= timing.attempts;
          deps.write(() => {
            log.attemptFailed(
              m.id,
              error,
              giveUp ? null : deps.clock.now() + timing.retryMs * 2 ** (attempts - 1),
            );
            if (giveUp) {
              deps.recorder.record({
                event: 'alerts.mail_failed',
                params: { to: m.recipient, attempts, error },
                ctx: { ...deps.systemMeta(), actor: null },
              });
            }
          });
          deps.logger.warn('an alert email could not be sent', { error, attempts });
          if (!giveUp) arm(timing.retryMs * 2 ** (attempts - 1));
        }
      }
    } finally {
      transport.close();
    }
  };
  /** Texts of mails queued by this process (a restart sends the subject line alone). */
  const bodies = new Map<number, string>();

  const kick = () => {
    if (stopped || sending) return;
    sending = sendDue()
      .catch((e: unknown) => {
        deps.logger.error('alert email sending failed', {
          error: e instanceof Error ? e.message : String(e),
        });
      })
      .finally(() => {
        sending = null;
      });
  };
  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, ms);
  };

  const describe = (a: Alert): string =>
    [
      `ISP Desk raised an alert (${a.severity}):`,
      '',
      a.title,
      '',
      `First seen: ${new Date(a.firstAt).toLocaleString('en-GB', { timeZone: deps.timeZone() })} (${deps.timeZone()})`,
      `Entries: ${a.entryIds.map((id) => `#${String(id)}`).join(', ')}`,
      '',
      'Open the Alerts screen to acknowledge or resolve it.',
    ].join('\n');

  return {
    settings,
    update: (input: UpdateAlertMail, ctx: ServiceContext & { actor: Actor }): AlertMailSettings => {
      const { password, ...rest } = input;
      deps.write(() => {
        group.update(rest, ctx);
        if (password !== undefined) {
          settingsRepo.put(
            PASSWORD_KEY,
            password === '' ? '' : deps.box.seal(password, PASSWORD_PURPOSE),
            deps.clock.now(),
          );
          deps.recorder.record({
            event: 'alerts.mail_updated',
            params: {
              by: ctx.actor.username,
              changes: password === '' ? 'SMTP password removed' : 'SMTP password changed',
            },
            ctx,
            target: { type: 'settings', id: 'alert-mail', label: 'Alert email settings' },
          });
        }
      });
      return settings();
    },
    /** A new alert: queue its mail (when mail is on) and send it now. */
    raised: (a: Alert): void => {
      const s = group.get();
      if (!s.enabled || s.host === '' || s.to === '') return;
      const subject = `[ISP Desk alert] ${a.title}`.slice(0, 200);
      const id = deps.write(() => log.add(a.id, s.to, subject, deps.clock.now()));
      bodies.set(id, describe(a));
      kick();
    },
    /** The send log, newest first. */
    sendLog: (limit = 50) => log.recent(limit),
    /** Every minute: mails whose retry is due (also after a restart). */
    tick: kick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await sending;
    },
  };
};

export type AlertMail = ReturnType<typeof createAlertMail>;
