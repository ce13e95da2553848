import { TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { Ref } from 'react';

export type DebouncedTextInputProps = Omit<
  TextInputProps,
  'value' | 'onChange' | 'defaultValue'
> & {
  /** The committed value (e.g. from the URL). */
  value: string;
  /** Called once typing pauses for `delay` ms, or at once on Enter or on leaving the box. */
  onCommit: (value: string) => void;
  delay?: number;
  /** The underlying `<input>`, e.g. to focus it from a keyboard shortcut. */
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * A text box that commits as the user types, debounced. Outside changes to `value` (a "Clear"
 * button, back navigation) replace what is in the box; the box's own commits do not.
 */
export function DebouncedTextInput({
  value,
  onCommit,
  delay = 250,
  onKeyDown,
  onBlur,
  inputRef,
  ...props
}: DebouncedTextInputProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // What this box last committed, until it comes back as `value`.
  const [sent, setSent] = useState<string | null>(null);

  if (value !== seen) {
    setSeen(value);
    if (value === sent) setSent(null);
    else setDraft(value); // changed from outside: show it
  }

  // Runs with the latest render's state: a commit overtaken by an outside change is dropped.
  const commit = useDebouncedCallback((next: string) => {
    if (next !== draft || next === value) return;
    setSent(next);
    onCommit(next);
  }, delay);

  return (
    <TextInput
      {...props}
      ref={inputRef}
      value={draft}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setDraft(next);
        commit(next);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
        onKeyDown?.(event);
      }}
      // Leaving the box (for a link, a button, another page) commits what was typed first, so
      // that a late commit can never land on the page the user went to.
      onBlur={(event) => {
        commit.flush();
        onBlur?.(event);
      }}
    />
  );
}
