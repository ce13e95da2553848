import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { translations } from '@zxcvbn-ts/language-en';

/**
 * The one password-strength rule, shared by the core (which refuses weak passwords wherever one
 * is set) and the screens (which show the strength while it is typed). A maintained estimator,
 * zxcvbn, scores a password 0–4 against common passwords, keyboard patterns, dates, repeats and
 * the account's own names; 3 ("safely unguessable") is the minimum.
 */
export const MIN_PASSWORD_SCORE = 3;

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * Only this many characters are estimated: the estimator's cost grows steeply with length
 * (a 64-character repeated pattern takes seconds), and a longer password is at least as strong
 * as its beginning.
 */
const ESTIMATED_LENGTH = 32;

let estimator: ZxcvbnFactory | null = null;
/** Built on first use (its dictionaries take a moment), never at start-up. */
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary,
    maxLength: ESTIMATED_LENGTH,
  }));

export type PasswordStrength = {
  score: 0 | 1 | 2 | 3 | 4;
  label: (typeof STRENGTH_LABELS)[number];
  acceptable: boolean;
  /** Why it is weak, in a sentence ("This is a commonly used password."), or null. */
  warning: string | null;
  suggestions: string[];
};

/** The user name and display name, whole and word by word, as words a guesser would try. */
const personalWords = (names: readonly string[]): string[] => [
  ...new Set(
    names
      .flatMap((n) => [n, ...n.split(/[\s._@-]+/)])
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w.length >= 3),
  ),
];

/** How hard `password` is to guess for someone who knows the account's `names`. */
export const passwordStrength = (password: string, names: readonly string[]): PasswordStrength => {
  const result = zxcvbn().check(password.slice(0, ESTIMATED_LENGTH), personalWords(names));
  const score = result.score;
  return {
    score,
    label: STRENGTH_LABELS[score],
    acceptable: score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
};

/** The sentence refusing a weak password, or null when it is strong enough. */
export const weakPasswordMessage = (password: string, names: readonly string[]): string | null => {
  const s = passwordStrength(password, names);
  if (s.acceptable) return null;
  const why = s.warning ?? s.suggestions[0] ?? 'Use a longer password with uncommon words.';
  return `This password is too easy to guess (${s.label.toLowerCase()}). ${why}`;
};
