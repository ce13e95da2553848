import { z } from 'zod';
import { api, downloads, events } from '../contract/api';

/** GET /api: every procedure with the JSON Schema of its input, for people and scripts. */
export const apiCatalog = () => ({
  procedures: Object.entries(api).map(([name, def]) => ({
    name,
    path: `/api/${name}`,
    access: def.access,
    input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
  })),
  downloads: Object.entries(downloads).map(([name, def]) => ({
    name,
    path: `/api/${name}`,
    access: def.access,
    input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
  })),
  events: Object.keys(events),
  envelope: '{ ok: true, value } | { ok: false, error: { code, message } }',
});
