import type { LoginMethod } from '../engine/profiles';
import type { RouterState } from '../engine/router-state';
import type { CommandSentence } from '../protocol/command-sentence';
import { legacyLoginResponse } from '../protocol/legacy-login';

export type LoginOutcome =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'ok'; user: string }
  | { kind: 'fail'; message: string };

export type LoginInput = {
  cmd: CommandSentence;
  state: RouterState;
  method: LoginMethod;
  authFail: boolean;
  /** The challenge handed out earlier on this connection, if any. */
  challenge: string | null;
  newChallenge: () => string;
  peer: string;
};

/**
 * `/login` (reference §1.9, §7.4): plain (≥ 6.43) compares name and password; legacy (< 6.43)
 * answers any `/login` without `=response=` with a fresh challenge, even one carrying a password
 * (that is how clients detect an old router); mixed (6.43rc) accepts both.
 */
export const evaluateLogin = (input: LoginInput): LoginOutcome => {
  const { cmd, state, method } = input;
  const m = state.messages;
  const name = cmd.attributes.get('name');
  const password = cmd.attributes.get('password');
  const response = cmd.attributes.get('response');
  const wantsChallenge =
    method === 'legacy'
      ? response === undefined
      : method === 'mixed' && response === undefined && password === undefined;
  if (wantsChallenge) return { kind: 'challenge', challenge: input.newChallenge() };
  const legacy = response !== undefined && method !== 'plain';
  const invalid = {
    kind: 'fail',
    message: legacy ? m.legacyInvalidLogin : m.invalidLogin,
  } as const;
  if (name === undefined || input.authFail) return invalid;
  if (!legacy && password === undefined) return invalid;
  const check = state.checkLogin(name, legacy ? null : (password ?? null), input.peer);
  if (check === 'invalid') return invalid;
  if (legacy) {
    const expected =
      input.challenge === null
        ? null
        : legacyLoginResponse(state.userPassword(name) ?? '', input.challenge);
    if (response !== expected) return invalid;
  }
  if (check === 'not-allowed') return { kind: 'fail', message: m.notAllowed };
  return { kind: 'ok', user: name };
};
