/**
 * RouterOS API query evaluation (`?` words on print/getall). Each item is evaluated against a
 * stack of booleans that starts as an unlimited supply of `true`; the item matches when no `false`
 * is left on the stack.
 */

export type QueryRow = Readonly<Record<string, string>>;

/** Maps a query value to the stored output form of a property (e.g. `yes` → `true`). */
export type QueryValueNormalizer = (name: string, value: string) => string;

const identity: QueryValueNormalizer = (_name, value) => value;

const compare = (a: string, b: string): number => {
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
};

const splitNameValue = (text: string): [string, string | undefined] => {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
};

class BoolStack {
  private items: boolean[] = [];
  pop(): boolean {
    return this.items.pop() ?? true;
  }
  push(v: boolean): void {
    this.items.push(v);
  }
  /** Value at index (0 = top); past the bottom the supply of `true` continues. */
  at(index: number): boolean {
    return this.items[this.items.length - 1 - index] ?? true;
  }
  replaceWith(v: boolean): void {
    this.items = [v];
  }
  allTrue(): boolean {
    return this.items.every(Boolean);
  }
}

const runOps = (ops: string, stack: BoolStack): void => {
  let i = 0;
  while (i < ops.length) {
    const c = ops.charAt(i);
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < ops.length && ops.charAt(j) >= '0' && ops.charAt(j) <= '9') j++;
      const index = Number(ops.slice(i, j));
      if (j === ops.length) {
        stack.replaceWith(stack.at(index));
      } else {
        stack.push(stack.at(index));
        if (ops.charAt(j) === '.') j++;
      }
      i = j;
      continue;
    }
    switch (c) {
      case '!':
        stack.push(!stack.pop());
        break;
      case '&': {
        const a = stack.pop();
        const b = stack.pop();
        stack.push(a && b);
        break;
      }
      case '|': {
        const a = stack.pop();
        const b = stack.pop();
        stack.push(a || b);
        break;
      }
      case '.':
        stack.push(stack.at(0));
        break;
      default:
        break;
    }
    i++;
  }
};

const evaluateWord = (
  word: string,
  row: QueryRow,
  stack: BoolStack,
  normalize: QueryValueNormalizer,
): void => {
  const body = word.slice(1);
  const has = (name: string): boolean => Object.hasOwn(row, name);
  if (body.startsWith('#')) {
    runOps(body.slice(1), stack);
    return;
  }
  if (body.startsWith('-')) {
    const [name] = splitNameValue(body.slice(1));
    stack.push(!has(name));
    return;
  }
  if (body.startsWith('<') || body.startsWith('>')) {
    const [name, value = ''] = splitNameValue(body.slice(1));
    const actual = row[name];
    if (actual === undefined) {
      stack.push(false);
      return;
    }
    const c = compare(actual, normalize(name, value));
    stack.push(body.startsWith('<') ? c < 0 : c > 0);
    return;
  }
  const [name, value] = splitNameValue(body.startsWith('=') ? body.slice(1) : body);
  if (value === undefined) {
    stack.push(has(name));
    return;
  }
  stack.push((row[name] ?? '') === normalize(name, value));
};

/** True when `row` matches the query words (an empty list matches everything). */
export const matchesQuery = (
  queries: readonly string[],
  row: QueryRow,
  normalize: QueryValueNormalizer = identity,
): boolean => {
  const stack = new BoolStack();
  for (const word of queries) evaluateWord(word, row, stack, normalize);
  return stack.allTrue();
};
