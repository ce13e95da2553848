import type { In } from '@contract/api';
import { CreatePlanInput } from '@contract/schemas/plans';
import type { Plan } from '@contract/schemas/plans';
import { minorToInput } from '@domain/money';
import { parseMoney } from '../billing/money';
import { parseRate, rateToInput } from './rates';
import { fieldIssuesOf } from '@contract/zod-issues';
import { addFieldErrors, fieldErrorsOf } from '../../lib/validate';

export type PlanFormValues = {
  name: string;
  serviceType: 'pppoe' | 'hotspot';
  rateDown: string;
  rateUp: string;
  burstEnabled: boolean;
  burstDown: string;
  burstUp: string;
  thresholdDown: string;
  thresholdUp: string;
  burstTime: string;
  price: string;
  validityCount: string;
  validityUnit: 'days' | 'months';
  routerProfile: string;
  expiryAction: 'isolate' | 'disable';
  isolationProfile: string;
  isolationAddressList: string;
  graceDays: string;
};

/** Form fields by the contract's names, so that server messages land next to the right box. */
export type PlanField =
  | 'name'
  | 'serviceType'
  | 'rateDownKbps'
  | 'rateUpKbps'
  | 'burst.downKbps'
  | 'burst.upKbps'
  | 'burst.thresholdDownKbps'
  | 'burst.thresholdUpKbps'
  | 'burst.timeSeconds'
  | 'price'
  | 'validity'
  | 'routerProfile'
  | 'expiryAction'
  | 'isolationProfile'
  | 'isolationAddressList'
  | 'graceDays';

export type PlanErrors = Partial<Record<PlanField, string>>;
export type CreatePlan = In<'plans.create'>;

export const EMPTY_PLAN_FORM: PlanFormValues = {
  name: '',
  serviceType: 'pppoe',
  rateDown: '',
  rateUp: '',
  burstEnabled: false,
  burstDown: '',
  burstUp: '',
  thresholdDown: '',
  thresholdUp: '',
  burstTime: '8',
  price: '',
  validityCount: '30',
  validityUnit: 'days',
  routerProfile: '',
  expiryAction: 'isolate',
  isolationProfile: 'expired',
  isolationAddressList: '',
  graceDays: '0',
};

export const planToForm = (plan: Plan, digits: number): PlanFormValues => ({
  name: plan.name,
  serviceType: plan.serviceType,
  rateDown: rateToInput(plan.rateDownKbps),
  rateUp: rateToInput(plan.rateUpKbps),
  burstEnabled: plan.burst !== null,
  burstDown: plan.burst ? rateToInput(plan.burst.downKbps) : '',
  burstUp: plan.burst ? rateToInput(plan.burst.upKbps) : '',
  thresholdDown: plan.burst ? rateToInput(plan.burst.thresholdDownKbps) : '',
  thresholdUp: plan.burst ? rateToInput(plan.burst.thresholdUpKbps) : '',
  burstTime: plan.burst ? String(plan.burst.timeSeconds) : '8',
  price: minorToInput(plan.price, digits),
  validityCount: String(plan.validity.count),
  validityUnit: plan.validity.unit,
  routerProfile: plan.routerProfile,
  expiryAction: plan.expiryAction,
  isolationProfile: plan.isolationProfile ?? '',
  isolationAddressList: plan.isolationAddressList ?? '',
  graceDays: String(plan.graceDays),
});

const wholeNumber = (text: string): number | null =>
  /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * Turns the form into a `plans.create` input, or per-field errors. Amounts and rates are parsed
 * exactly; the contract schema then checks the rest, as the server will.
 */
export function planFormToInput(
  v: PlanFormValues,
  digits: number,
): { ok: true; input: CreatePlan } | { ok: false; errors: PlanErrors } {
  const errors: PlanErrors = {};
  const rate = (field: PlanField, text: string): number => {
    const r = parseRate(text);
    if (r.ok) return r.kbps;
    errors[field] = text.trim() === '' ? 'Rate is required' : r.error;
    return 0;
  };
  const rateDownKbps = rate('rateDownKbps', v.rateDown);
  const rateUpKbps = rate('rateUpKbps', v.rateUp);
  let burst: CreatePlan['burst'] = null;
  if (v.burstEnabled) {
    const timeSeconds = wholeNumber(v.burstTime);
    if (timeSeconds === null || timeSeconds < 1 || timeSeconds > 3600) {
      errors['burst.timeSeconds'] = 'Burst time is 1 to 3600 whole seconds';
    }
    burst = {
      downKbps: rate('burst.downKbps', v.burstDown),
      upKbps: rate('burst.upKbps', v.burstUp),
      thresholdDownKbps: rate('burst.thresholdDownKbps', v.thresholdDown),
      thresholdUpKbps: rate('burst.thresholdUpKbps', v.thresholdUp),
      timeSeconds: timeSeconds ?? 0,
    };
  }
  const price = parseMoney(v.price, digits);
  if (!price.ok) errors.price = price.error;
  const count = wholeNumber(v.validityCount);
  if (count === null || count < 1) {
    errors.validity = 'Validity is a whole number of days or months, at least 1';
  }
  const graceDays = wholeNumber(v.graceDays);
  if (graceDays === null || graceDays > 90) errors.graceDays = 'Grace is 0 to 90 whole days';

  const input: CreatePlan = {
    name: v.name.trim(),
    serviceType: v.serviceType,
    rateDownKbps,
    rateUpKbps,
    burst,
    price: price.ok ? price.value : 0,
    validity: { unit: v.validityUnit, count: count ?? 0 },
    routerProfile: v.routerProfile.trim(),
    expiryAction: v.expiryAction,
    isolationProfile: v.expiryAction === 'isolate' ? orNull(v.isolationProfile) : null,
    isolationAddressList: v.expiryAction === 'isolate' ? orNull(v.isolationAddressList) : null,
    graceDays: graceDays ?? 0,
  };

  const checked = CreatePlanInput.safeParse(input);
  if (!checked.success) {
    // Burst has one input per rate; everything else is marked on its top-level field.
    const found = fieldErrorsOf(
      fieldIssuesOf(checked.error).map((i) => ({
        ...i,
        path: i.path.slice(0, i.path[0] === 'burst' ? 2 : 1),
      })),
    );
    addFieldErrors(errors, found);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** Only what changed, for `plans.update`; null when nothing did. */
export function planChanges(plan: Plan, input: CreatePlan): In<'plans.update'> | null {
  const update: In<'plans.update'> = { id: plan.id };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (input.name !== plan.name) update.name = input.name;
  if (input.serviceType !== plan.serviceType) update.serviceType = input.serviceType;
  if (input.rateDownKbps !== plan.rateDownKbps) update.rateDownKbps = input.rateDownKbps;
  if (input.rateUpKbps !== plan.rateUpKbps) update.rateUpKbps = input.rateUpKbps;
  if (!same(input.burst ?? null, plan.burst)) update.burst = input.burst ?? null;
  if (input.price !== plan.price) update.price = input.price;
  if (!same(input.validity, { unit: plan.validity.unit, count: plan.validity.count })) {
    update.validity = input.validity;
  }
  if (input.routerProfile !== plan.routerProfile) update.routerProfile = input.routerProfile;
  if (input.expiryAction !== plan.expiryAction) update.expiryAction = input.expiryAction;
  if ((input.isolationProfile ?? null) !== plan.isolationProfile) {
    update.isolationProfile = input.isolationProfile ?? null;
  }
  if ((input.isolationAddressList ?? null) !== plan.isolationAddressList) {
    update.isolationAddressList = input.isolationAddressList ?? null;
  }
  if ((input.graceDays ?? 0) !== plan.graceDays) update.graceDays = input.graceDays ?? 0;
  return Object.keys(update).length > 1 ? update : null;
}
