// What a password must be: at least 12 characters, not the username, and not guessable from the common-password,
// name and keyboard-pattern lists bundled with zxcvbn-ts (offline: nothing is sent anywhere).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { vigilError } from '../errors/index.js';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn score (0–4) a password must reach: 3 is "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/** Throws VIGIL_INPUT_INVALID (field `password`) saying why the password is refused. */
export function checkPasswordPolicy(password: string, username?: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw vigilError('VIGIL_INPUT_INVALID', `password: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.trim() === '') throw vigilError('VIGIL_INPUT_INVALID', 'password: must not be only spaces');
  const user = username?.trim().toLowerCase();
  if (user && password.trim().toLowerCase() === user)
    throw vigilError('VIGIL_INPUT_INVALID', 'password: must not be the username');
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  const result = factory.check(password, user ? [user] : []);
  if (result.score < MIN_PASSWORD_SCORE) {
    const why = result.feedback.warning ? ` (${describeWarning(result.feedback.warning)})` : '';
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      `password: is too easy to guess${why}; use a longer phrase of unrelated words`,
    );
  }
}

function describeWarning(code: string): string {
  // zxcvbn-ts v4 gives warning keys; the translations live in separate packages, so the common ones are spelled out.
  const words: Record<string, string> = {
    similarToCommon: 'it is similar to a commonly used password',
    commonPassword: 'it is a commonly used password',
    simpleRepeat: 'it repeats a character',
    extendedRepeat: 'it repeats a pattern',
    userInputs: 'it contains the username',
    sequences: 'it is a sequence',
    straightRow: 'it is a row of keys',
    keyPattern: 'it is a keyboard pattern',
    dates: 'it is a date',
    recentYears: 'it is a recent year',
    topTen: 'it is one of the ten most common passwords',
    topHundred: 'it is one of the hundred most common passwords',
    namesByThemselves: 'it is a name',
    pwned: 'it is a known leaked password',
  };
  return words[code] ?? code;
}
