import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A day typed in the office's one date format, `yyyy-mm-dd` (the format every table, export and
 * receipt shows), never the browser's own (a native date field shows MM/DD/YYYY on a US-English
 * machine). The caller reads the text as an office day (`localDayStart`, `officeDayBound`).
 */
export function OfficeDayInput(props: Omit<TextInputProps, 'type'>) {
  return (
    <TextInput
      placeholder="yyyy-mm-dd"
      inputMode="numeric"
      maxLength={10}
      autoComplete="off"
      {...props}
    />
  );
}
