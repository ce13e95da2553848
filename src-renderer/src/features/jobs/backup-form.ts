import type { In } from '@contract/api';
import { UpdateBackupSettingsInput, type BackupSettings } from '@contract/schemas/jobs';
import { fieldIssuesOf } from '@contract/zod-issues';
import { topFieldErrors } from '../../lib/validate';

export type BackupFormValues = { enabled: boolean; intervalHours: string; keep: string };
export type BackupField = keyof BackupFormValues;
export type BackupErrors = Partial<Record<BackupField, string>>;

export const backupToForm = (s: BackupSettings): BackupFormValues => ({
  enabled: s.enabled,
  intervalHours: String(s.intervalHours),
  keep: String(s.keep),
});

const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The changed settings as a `backup.updateSettings` input (null: nothing changed), or errors. */
export function backupChanges(
  current: BackupSettings,
  v: BackupFormValues,
): { ok: true; input: In<'backup.updateSettings'> | null } | { ok: false; errors: BackupErrors } {
  const candidate = {
    enabled: v.enabled,
    intervalHours: whole(v.intervalHours),
    keep: whole(v.keep),
  };
  const checked = UpdateBackupSettingsInput.safeParse(candidate);
  if (!checked.success) {
    const { intervalHours, keep } = topFieldErrors(fieldIssuesOf(checked.error));
    return { ok: false, errors: { intervalHours, keep } };
  }
  const input: In<'backup.updateSettings'> = {};
  if (candidate.enabled !== current.enabled) input.enabled = candidate.enabled;
  if (candidate.intervalHours !== current.intervalHours)
    input.intervalHours = candidate.intervalHours;
  if (candidate.keep !== current.keep) input.keep = candidate.keep;
  return { ok: true, input: Object.keys(input).length > 0 ? input : null };
}
