import type { In } from '@contract/api';
import { UpdateForwardingInput, type ForwardingSettings } from '@contract/schemas/forwarding';
import { fieldIssuesOf } from '@contract/zod-issues';
import { topFieldErrors } from '../../lib/validate';

export type ForwardingFormValues = {
  enabled: boolean;
  host: string;
  port: string;
  tls: boolean;
  tlsCa: string;
  facility: string;
  appName: string;
  behindEntries: string;
  behindMinutes: string;
};
export type ForwardingField = keyof ForwardingFormValues;
export type ForwardingErrors = Partial<Record<ForwardingField, string>>;

export const FORWARDING_FIELDS: ForwardingField[] = [
  'enabled',
  'host',
  'port',
  'tls',
  'tlsCa',
  'facility',
  'appName',
  'behindEntries',
  'behindMinutes',
];

export const forwardingToForm = (s: ForwardingSettings): ForwardingFormValues => ({
  enabled: s.enabled,
  host: s.host,
  port: String(s.port),
  tls: s.tls,
  tlsCa: s.tlsCa,
  facility: String(s.facility),
  appName: s.appName,
  behindEntries: String(s.behindEntries),
  behindMinutes: String(s.behindMinutes),
});

const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The changed settings as a `forwarding.update` input (null: nothing changed), or errors. */
export function forwardingChanges(
  current: ForwardingSettings,
  v: ForwardingFormValues,
): { ok: true; input: In<'forwarding.update'> | null } | { ok: false; errors: ForwardingErrors } {
  const candidate: ForwardingSettings = {
    enabled: v.enabled,
    tls: v.tls,
    host: v.host.trim(),
    tlsCa: v.tlsCa.trim(),
    appName: v.appName.trim(),
    port: whole(v.port),
    facility: whole(v.facility),
    behindEntries: whole(v.behindEntries),
    behindMinutes: whole(v.behindMinutes),
  };
  const checked = UpdateForwardingInput.safeParse(candidate);
  if (!checked.success) {
    return { ok: false, errors: topFieldErrors(fieldIssuesOf(checked.error)) };
  }
  const changed = (Object.keys(candidate) as (keyof ForwardingSettings)[]).filter(
    (k) => candidate[k] !== current[k],
  );
  if (changed.length === 0) return { ok: true, input: null };
  return {
    ok: true,
    input: Object.fromEntries(changed.map((k) => [k, candidate[k]])),
  };
}
