import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { AmountSchema } from './money';

export const SERVICE_TYPES = ['pppoe', 'hotspot'] as const;
export const VALIDITY_UNITS = ['days', 'months'] as const;
export const EXPIRY_ACTIONS = ['isolate', 'disable'] as const;

export const ServiceTypeSchema = z.enum(SERVICE_TYPES);
export type ServiceType = z.infer<typeof ServiceTypeSchema>;

/** RouterOS object names (profiles, address lists): printable, no quotes. */
export const RouterNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'Name must be at most 64 characters')
  .regex(/^[A-Za-z0-9 ._:@/-]+$/, 'Use letters, digits, space and . _ : @ / - only');

const RateSchema = z
  .number()
  .int('Rates are whole kbit/s')
  .min(8, 'Rate must be at least 8 kbit/s')
  .max(100_000_000, 'Rate must be at most 100 Gbit/s');

export const BurstSchema = z.strictObject({
  downKbps: RateSchema,
  upKbps: RateSchema,
  thresholdDownKbps: RateSchema,
  thresholdUpKbps: RateSchema,
  timeSeconds: z.number().int().min(1).max(3600),
});

export const ValiditySchema = z
  .strictObject({ unit: z.enum(VALIDITY_UNITS), count: z.number().int().min(1) })
  .refine((v) => v.count <= (v.unit === 'days' ? 3660 : 120), {
    error: 'Validity must be at most 3660 days or 120 months',
  });

export const PlanSchema = z.object({
  id: IdSchema,
  name: z.string(),
  serviceType: ServiceTypeSchema,
  rateDownKbps: z.number().int(),
  rateUpKbps: z.number().int(),
  burst: BurstSchema.nullable(),
  price: z.number().int(),
  validity: z.object({ unit: z.enum(VALIDITY_UNITS), count: z.number().int() }),
  routerProfile: z.string(),
  expiryAction: z.enum(EXPIRY_ACTIONS),
  isolationProfile: z.string().nullable(),
  isolationAddressList: z.string().nullable(),
  graceDays: z.number().int(),
  active: z.boolean(),
  /** Clients on this plan that are not archived. */
  clientCount: z.number().int(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

const planFields = {
  name: plainText(
    z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
    'Name',
  ),
  serviceType: ServiceTypeSchema,
  rateDownKbps: RateSchema,
  rateUpKbps: RateSchema,
  burst: BurstSchema.nullable(),
  price: AmountSchema,
  validity: ValiditySchema,
  routerProfile: RouterNameSchema,
  expiryAction: z.enum(EXPIRY_ACTIONS),
  isolationProfile: RouterNameSchema.nullable(),
  isolationAddressList: RouterNameSchema.nullable(),
  graceDays: z.number().int().min(0).max(90),
};

const isolationNamed = (v: {
  expiryAction?: string;
  isolationProfile?: string | null;
  isolationAddressList?: string | null;
}) => v.expiryAction !== 'isolate' || !!v.isolationProfile || !!v.isolationAddressList;
const ISOLATION_ERROR = {
  error: 'Isolation on expiry needs an isolation profile or an address list',
  path: ['isolationProfile'],
};

export const CreatePlanInput = z
  .strictObject({
    ...planFields,
    burst: planFields.burst.optional().default(null),
    isolationProfile: planFields.isolationProfile.optional().default(null),
    isolationAddressList: planFields.isolationAddressList.optional().default(null),
    graceDays: planFields.graceDays.optional().default(0),
  })
  .refine(isolationNamed, ISOLATION_ERROR);
export type CreatePlan = z.infer<typeof CreatePlanInput>;

/** Changes apply to future renewals; the ledger keeps what earlier ones cost. */
export const UpdatePlanInput = z
  .strictObject({
    id: IdSchema,
    name: planFields.name.optional(),
    serviceType: planFields.serviceType.optional(),
    rateDownKbps: planFields.rateDownKbps.optional(),
    rateUpKbps: planFields.rateUpKbps.optional(),
    burst: planFields.burst.optional(),
    price: planFields.price.optional(),
    validity: planFields.validity.optional(),
    routerProfile: planFields.routerProfile.optional(),
    expiryAction: planFields.expiryAction.optional(),
    isolationProfile: planFields.isolationProfile.optional(),
    isolationAddressList: planFields.isolationAddressList.optional(),
    graceDays: planFields.graceDays.optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'Nothing to change' });
export type UpdatePlan = z.infer<typeof UpdatePlanInput>;

export const PlanIdInput = z.strictObject({ id: IdSchema });
export const PlanListInput = z.strictObject({ includeRetired: z.boolean().optional() }).optional();
