import { TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useEffectEvent, useState } from 'react';

export type DebouncedTextInputProps = Omit<
  TextInputProps,
  'value' | 'onChange' | 'defaultValue'
> & {
  /** The committed value (e.g. from the URL). */
  value: string;
  /** Called once typing pauses for `delay` ms, or at once on Enter. */
  onCommit: (value: string) => void;
  delay?: number;
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
  ...props
}: DebouncedTextInputProps) {
  const [draft, setDraft] = useState(value);
  const [debounced, , { flush }] = useDebouncedValue(draft, delay);
  const [seen, setSeen] = useState(value);

  if (value !== seen) {
    setSeen(value);
    if (value !== debounced && value !== draft) setDraft(value);
  }

  const commit = useEffectEvent((next: string) => {
    if (next !== value) onCommit(next);
  });
  useEffect(() => {
    commit(debounced);
  }, [debounced]);

  return (
    <TextInput
      {...props}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') flush();
        onKeyDown?.(event);
      }}
    />
  );
}
