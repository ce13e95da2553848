import { VERBS, type MenuTable, type Verb } from '../engine/menu-table';
import type { RouterState } from '../engine/router-state';
import { TRAP_CATEGORY, type TrapReply } from '../engine/sim-trap';

/** Commands handled by the connection itself rather than by a menu. */
export const SPECIAL_COMMANDS = [
  '/login',
  '/cancel',
  '/quit',
  '/system/reboot',
  '/interface/monitor-traffic',
] as const;

export const WRITE_VERBS: ReadonlySet<Verb> = new Set([
  'add',
  'set',
  'remove',
  'enable',
  'disable',
  'unset',
  'comment',
]);

export type Resolved =
  { kind: 'menu'; table: MenuTable; verb: Verb } | { kind: 'error'; traps: TrapReply[] };

const isVerb = (v: string): v is Verb => (VERBS as readonly string[]).includes(v);

/**
 * Maps a command word to a menu and verb. Unknown paths give the two-trap answer of real routers
 * (`no such command or directory (x)`, `no such command prefix`); an unknown verb on a known menu
 * gives `no such command`.
 */
export const resolveCommand = (state: RouterState, command: string): Resolved => {
  const m = state.messages;
  const segments = command.split('/').slice(1);
  const verb = segments[segments.length - 1] ?? '';
  const menuPath = `/${segments.slice(0, -1).join('/')}`;
  const table = state.tryTable(menuPath);
  if (table) {
    const v = verb === 'getall' ? 'getall' : verb;
    if (isVerb(v) && table.spec.verbs.includes(v)) {
      if (v === 'get' && state.profile.name.startsWith('6.')) {
        return { kind: 'error', traps: [{ message: m.noSuchCommand }] };
      }
      return { kind: 'menu', table, verb: v };
    }
    return { kind: 'error', traps: [{ message: m.noSuchCommand }] };
  }
  if (state.tryTable(command)) return { kind: 'error', traps: [{ message: m.noSuchCommand }] };
  const known = new Set<string>();
  for (const p of [...state.menuPaths(), ...SPECIAL_COMMANDS]) {
    const parts = p.split('/').slice(1);
    for (let i = 1; i <= parts.length; i++) known.add(`/${parts.slice(0, i).join('/')}`);
  }
  let unknown = verb;
  for (let i = 1; i <= segments.length; i++) {
    if (!known.has(`/${segments.slice(0, i).join('/')}`)) {
      unknown = segments[i - 1] ?? '';
      break;
    }
  }
  return {
    kind: 'error',
    traps: [
      { message: m.noSuchDirectory(unknown), category: TRAP_CATEGORY.missingItemOrCommand },
      { message: m.noSuchCommandPrefix },
    ],
  };
};
