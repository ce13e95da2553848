import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './keyboard-shortcuts';
import type { KeyInput } from './keyboard-shortcuts';

const on = (target: EventTarget | null, key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  target,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

const element = (html: string): HTMLElement => {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  const first = box.firstElementChild;
  if (!(first instanceof HTMLElement)) throw new Error('no element');
  return first;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('shortcutFor', () => {
  it('maps the keys to their actions on the page', () => {
    const body = document.body;
    expect(shortcutFor(on(body, '/'))).toBe('focusSearch');
    expect(shortcutFor(on(body, 'j'))).toBe('next');
    expect(shortcutFor(on(body, 'k'))).toBe('previous');
    expect(shortcutFor(on(body, 'Enter'))).toBe('open');
    expect(shortcutFor(on(body, 'n'))).toBe('nextFailure');
    expect(shortcutFor(on(body, 'N'))).toBe('previousFailure');
    expect(shortcutFor(on(body, 'Escape'))).toBe('close');
    expect(shortcutFor(on(body, '?'))).toBe('help');
    expect(shortcutFor(on(body, 'x'))).toBeNull();
  });

  it('is not active while typing, except Escape', () => {
    for (const html of [
      '<input type="search">',
      '<input>',
      '<textarea></textarea>',
      '<select><option>a</option></select>',
      '<div contenteditable="true"></div>',
      '<div role="combobox"></div>',
    ]) {
      const field = element(html);
      expect(shortcutFor(on(field, 'j')), html).toBeNull();
      expect(shortcutFor(on(field, '/')), html).toBeNull();
      expect(shortcutFor(on(field, 'Escape')), html).toBe('close');
    }
  });

  it('works from a checkbox or a switch, which take no text', () => {
    expect(shortcutFor(on(element('<input type="checkbox">'), 'j'))).toBe('next');
  });

  it('leaves Enter to a focused button or link', () => {
    expect(shortcutFor(on(element('<button>Go</button>'), 'Enter'))).toBeNull();
    expect(
      shortcutFor(on(element('<a href="#x"><span>x</span></a>').firstElementChild, 'Enter')),
    ).toBeNull();
    expect(shortcutFor(on(element('<button>Go</button>'), 'j'))).toBe('next');
  });

  it('ignores keys pressed with Ctrl, Alt or Meta', () => {
    expect(shortcutFor(on(document.body, 'j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(on(document.body, '/', { metaKey: true }))).toBeNull();
    expect(shortcutFor(on(document.body, 'n', { altKey: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is false for non-elements and plain elements', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget(window)).toBe(false);
    expect(isTypingTarget(element('<div></div>'))).toBe(false);
  });
});
