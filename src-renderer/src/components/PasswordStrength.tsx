import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PasswordStrength as Strength } from '@contract/password-strength';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;
/** Wait this long after the last keystroke: the estimator is CPU work. */
const SETTLE_MS = 120;

/**
 * The strength of `password` for an account with these names, as the server will judge it: the
 * same estimator (loaded on first use, not with the app), run once typing pauses.
 */
export function usePasswordStrength(password: string, names: readonly string[]): Strength | null {
  const [result, setResult] = useState<{ password: string; strength: Strength } | null>(null);
  const namesKey = names.join('\n');
  useEffect(() => {
    if (password === '') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void import('@contract/password-strength').then(({ passwordStrength }) => {
        if (!cancelled) {
          setResult({ password, strength: passwordStrength(password, namesKey.split('\n')) });
        }
      });
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, namesKey]);
  return result && result.password === password ? result.strength : null;
}

/** A bar and a sentence under a new-password field: how hard it is to guess, and why. */
export function PasswordStrengthMeter({
  password,
  names,
}: {
  password: string;
  names: readonly string[];
}) {
  const strength = usePasswordStrength(password, names);
  if (password === '') return null;
  const advice =
    strength && !strength.acceptable ? (strength.warning ?? strength.suggestions[0]) : null;
  return (
    <Stack gap={4} aria-live="polite">
      <Progress
        value={strength ? (strength.score + 1) * 20 : 0}
        color={strength ? COLORS[strength.score] : 'gray'}
        size="sm"
        aria-label="Password strength"
      />
      <Text size="xs" c={strength && !strength.acceptable ? 'red' : 'dimmed'}>
        {strength
          ? `Strength: ${strength.label}${strength.acceptable ? '' : ' (too easy to guess)'}${advice ? `. ${advice}` : ''}`
          : 'Checking strength…'}
      </Text>
    </Stack>
  );
}
