import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { FieldErrors } from './validate';

/**
 * Minimal state for a form of text fields: values, per-field errors (cleared as the user edits)
 * and `field(name)` props for Mantine inputs. `serverError(name)` supplies the server's message
 * for a field when there is no local one.
 */
export function useFormFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors<T>>({});

  const field = (name: keyof T & string, serverError?: (name: string) => string | undefined) => ({
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
      setErrors((errs) => ({ ...errs, [name]: undefined }));
    },
    error: errors[name] ?? serverError?.(name),
  });

  const reset = () => {
    setValues(initial);
    setErrors({});
  };

  return { values, setValues, errors, setErrors, field, reset };
}
