import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { notifySuccess } from './notify';

type Checked<V, I> =
  { ok: true; input: I | null } | { ok: false; errors: Partial<Record<keyof V, string>> };

/**
 * The state of a settings form: the values as typed, the messages next to fields, and a submit
 * that checks the values, saves only what changed, or says that nothing did.
 */
export function useSettingsForm<V extends object, I>(opts: {
  initial: () => V;
  check: (values: V) => Checked<V, I>;
  save: (input: I) => void;
}) {
  const [values, setValues] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = opts.check(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (result.input) opts.save(result.input);
    else notifySuccess('Nothing changed.');
  };

  return { values, errors, set, submit };
}
