import type { Fields, InputOf, MenuDef } from '../routeros-client/menus/menu-definition';
import type { MenuClient } from '../routeros-client/menus/menu-client';
import { isRouterError } from '../routeros-client/router-error';

/** One RouterOS write as the log shows it: menu, verb, arguments (secrets masked), result. */
export type CommandRecord = {
  menu: string;
  verb: 'add' | 'set' | 'unset' | 'remove';
  args: Record<string, string>;
  result: string;
};

export const MASK = '***';
const SECRET_FIELDS = new Set(['password']);

const masked = (input: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [
        k,
        SECRET_FIELDS.has(k) ? MASK : typeof v === 'string' ? v : JSON.stringify(v),
      ]),
  );

const failureText = (e: unknown): string =>
  isRouterError(e) && e.kind === 'trap'
    ? `refused: ${e.routerMessage ?? e.message}`
    : `failed: ${e instanceof Error ? e.message : String(e)}`;

/**
 * Writes through a MenuClient and keeps a record of every write (reads are not recorded):
 * the pushes' log entries are built from it.
 */
export class RouterWriter {
  readonly commands: CommandRecord[] = [];

  constructor(readonly menus: MenuClient) {}

  private async track<T>(
    entry: Omit<CommandRecord, 'result'>,
    run: () => Promise<T>,
    ok: (v: T) => string,
  ): Promise<T> {
    try {
      const v = await run();
      this.commands.push({ ...entry, result: ok(v) });
      return v;
    } catch (e) {
      this.commands.push({ ...entry, result: failureText(e) });
      throw e;
    }
  }

  add<F extends Fields>(menu: MenuDef<F>, input: InputOf<F>): Promise<string> {
    return this.track(
      { menu: menu.path, verb: 'add', args: masked(input) },
      () => this.menus.add(menu, input),
      (id) => `ok ${id}`,
    );
  }

  set<F extends Fields>(menu: MenuDef<F>, id: string, patch: InputOf<F>): Promise<void> {
    return this.track(
      { menu: menu.path, verb: 'set', args: { '.id': id, ...masked(patch) } },
      () => this.menus.set(menu, id, patch),
      () => 'ok',
    );
  }

  unset<F extends Fields>(
    menu: MenuDef<F>,
    id: string,
    field: keyof InputOf<F> & string,
  ): Promise<void> {
    return this.track(
      { menu: menu.path, verb: 'unset', args: { '.id': id, 'value-name': field } },
      () => this.menus.unset(menu, id, field),
      () => 'ok',
    );
  }

  remove<F extends Fields>(menu: MenuDef<F>, id: string, what: string): Promise<void> {
    return this.track(
      { menu: menu.path, verb: 'remove', args: { '.id': id, item: what } },
      () => this.menus.remove(menu, id),
      () => 'ok',
    );
  }
}
