import { z } from 'zod';

/**
 * "Share this workstation with the office": the desktop app serves the same app to browsers on
 * the LAN. Whether this process can (the desktop app can; the headless server is shared with
 * --host instead), the stored setting, and what is being served now.
 */
export const SharingStatusSchema = z.object({
  /** This process can share: the desktop app. The headless server is shared with --host. */
  available: z.boolean(),
  enabled: z.boolean(),
  /** The port other workstations connect to. */
  port: z.number().int(),
  /** The address to open on another workstation, while it is being served. */
  url: z.string().nullable(),
  /** Why it is not being served although it is turned on (e.g. the port is taken). */
  problem: z.string().nullable(),
});
export type SharingStatus = z.infer<typeof SharingStatusSchema>;

export const UpdateSharingInput = z
  .strictObject({
    enabled: z.boolean().optional(),
    port: z
      .number()
      .int('Port must be a whole number')
      .min(1024, 'Port must be from 1024 to 65535')
      .max(65535, 'Port must be from 1024 to 65535')
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change' });
export type UpdateSharing = z.infer<typeof UpdateSharingInput>;
