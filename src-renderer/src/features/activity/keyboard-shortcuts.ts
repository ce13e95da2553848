import { useEffect, useEffectEvent } from 'react';

export type ShortcutAction =
  | 'focusSearch'
  | 'next'
  | 'previous'
  | 'open'
  | 'nextFailure'
  | 'previousFailure'
  | 'close'
  | 'help';

/** The shortcuts, for the help dialog. */
export const SHORTCUTS: { keys: string[]; action: ShortcutAction; description: string }[] = [
  { keys: ['/'], action: 'focusSearch', description: 'Focus the search box' },
  { keys: ['j'], action: 'next', description: 'Select the next (older) entry' },
  { keys: ['k'], action: 'previous', description: 'Select the previous (newer) entry' },
  { keys: ['Enter'], action: 'open', description: 'Open the selected entry' },
  { keys: ['n'], action: 'nextFailure', description: 'Jump to the next failure' },
  { keys: ['Shift', 'N'], action: 'previousFailure', description: 'Jump to the previous failure' },
  { keys: ['Esc'], action: 'close', description: 'Close the entry details' },
  { keys: ['?'], action: 'help', description: 'Show these shortcuts' },
];

const KEYS: Record<string, ShortcutAction> = {
  '/': 'focusSearch',
  j: 'next',
  k: 'previous',
  Enter: 'open',
  n: 'nextFailure',
  N: 'previousFailure',
  Escape: 'close',
  '?': 'help',
};

/** Elements where keys are text (or their own commands), never shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target.closest('[contenteditable]:not([contenteditable="false"])')
  ) {
    return true;
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type,
    );
  }
  const role = target.getAttribute('role');
  return role === 'combobox' || role === 'textbox' || role === 'searchbox';
}

/** Elements that act on Enter themselves (a focused button must still press on Enter). */
const activatesOnEnter = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  target.closest('button, a[href], [role="button"], [role="menuitem"], [role="option"]') !== null;

export type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>;

/** The action a key press asks for, or null when it is not a shortcut here. */
export function shortcutFor(event: KeyInput): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const action = KEYS[event.key] ?? null;
  if (action === null) return null;
  // Escape closes the drawer even from a field; everything else yields to typing.
  if (action !== 'close' && isTypingTarget(event.target)) return null;
  if (action === 'open' && activatesOnEnter(event.target)) return null;
  return action;
}

/**
 * Listens for the shortcuts on the whole document while `enabled`. `handle` returns false when
 * it did nothing with the key (so that, e.g., Enter with no selection keeps its default).
 */
export function useKeyboardShortcuts(
  enabled: boolean,
  handle: (action: ShortcutAction) => boolean,
) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const action = shortcutFor(event);
    if (action !== null && handle(action)) event.preventDefault();
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
