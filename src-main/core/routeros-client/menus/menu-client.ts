import type { RouterClient } from '../router-client.port';
import { RouterError } from '../router-error';
import {
  inputWords,
  parseRow,
  proplistOf,
  queryWords,
  type Fields,
  type InputOf,
  type MenuDef,
  type RowOf,
} from './menu-definition';

const ID = /^\*[0-9A-F]{1,8}$/;

const checkId = (path: string, id: string): string => {
  if (!ID.test(id))
    throw new RouterError('invalid_request', `${path}: not an item id: ${JSON.stringify(id)}`);
  return id;
};

export type Where<F extends Fields> = Partial<Record<keyof F & string, string | number | boolean>>;

/** Typed reads and writes on the menus of one router, over the {@link RouterClient} port. */
export class MenuClient {
  constructor(private readonly client: RouterClient) {}

  private parseAll<F extends Fields>(
    menu: MenuDef<F>,
    raws: readonly Record<string, string>[],
  ): RowOf<F>[] {
    return raws.map((raw) => {
      const parsed = parseRow(menu, raw);
      if (!parsed.ok)
        throw new RouterError('protocol', `unexpected reply: ${parsed.problem}`, {
          command: `${menu.path}/print`,
        });
      return parsed.row;
    });
  }

  /** Every row (optionally filtered by equality on typed fields). */
  async list<F extends Fields>(menu: MenuDef<F>, where: Where<F> = {}): Promise<RowOf<F>[]> {
    const raws = await this.client.run(`${menu.path}/print`, [
      `=.proplist=${proplistOf(menu)}`,
      ...queryWords(menu, where),
    ]);
    return this.parseAll(menu, raws);
  }

  /** The single row of a singleton menu (`/system/identity`, `/system/resource`). */
  async read<F extends Fields>(menu: MenuDef<F>): Promise<RowOf<F>> {
    const [row] = await this.list(menu);
    if (!row) throw new RouterError('protocol', `unexpected reply: ${menu.path} returned no row`);
    return row;
  }

  async findByName<F extends Fields>(menu: MenuDef<F>, name: string): Promise<RowOf<F> | null> {
    if (!menu.nameField) throw new Error(`${menu.path} has no name field`);
    const where: Where<F> = {};
    where[menu.nameField] = name;
    const [row] = await this.list(menu, where);
    return row ?? null;
  }

  async count<F extends Fields>(menu: MenuDef<F>, where: Where<F> = {}): Promise<number> {
    const rows = await this.client.run(`${menu.path}/print`, [
      '=count-only=',
      ...queryWords(menu, where),
    ]);
    const ret = rows.find((r) => r.ret !== undefined)?.ret;
    if (ret === undefined || !/^\d+$/.test(ret)) {
      throw new RouterError('protocol', `unexpected reply: ${menu.path} count-only without ret`);
    }
    return Number(ret);
  }

  /** Adds an item; resolves with the new `.id`. */
  async add<F extends Fields>(menu: MenuDef<F>, input: InputOf<F>): Promise<string> {
    const rows = await this.client.run(`${menu.path}/add`, inputWords(menu, input));
    const id = rows.find((r) => r.ret !== undefined)?.ret;
    if (id === undefined)
      throw new RouterError('protocol', `unexpected reply: ${menu.path}/add without ret`);
    return id;
  }

  async set<F extends Fields>(menu: MenuDef<F>, id: string, patch: InputOf<F>): Promise<void> {
    const words = menu.singleton ? [] : [`=.id=${checkId(menu.path, id)}`];
    await this.client.run(`${menu.path}/set`, [...words, ...inputWords(menu, patch)]);
  }

  async remove<F extends Fields>(menu: MenuDef<F>, ids: string | readonly string[]): Promise<void> {
    const list = typeof ids === 'string' ? [ids] : ids;
    if (list.length === 0) return;
    for (const id of list) checkId(menu.path, id);
    await this.client.run(`${menu.path}/remove`, [`=numbers=${list.join(',')}`]);
  }

  async enable<F extends Fields>(menu: MenuDef<F>, id: string): Promise<void> {
    await this.client.run(`${menu.path}/enable`, [`=numbers=${checkId(menu.path, id)}`]);
  }

  async disable<F extends Fields>(menu: MenuDef<F>, id: string): Promise<void> {
    await this.client.run(`${menu.path}/disable`, [`=numbers=${checkId(menu.path, id)}`]);
  }

  /** Clears an optional property (`unset =value-name=comment`). */
  async unset<F extends Fields>(
    menu: MenuDef<F>,
    id: string,
    field: keyof InputOf<F> & string,
  ): Promise<void> {
    const spec = menu.fields[field];
    if (!spec) throw new Error(`${menu.path}: unknown field ${field}`);
    await this.client.run(`${menu.path}/unset`, [
      `=numbers=${checkId(menu.path, id)}`,
      `=value-name=${spec.word}`,
    ]);
  }
}
