import type { CliError } from '../core/errors.js';
import type { Translate } from '../i18n/index.js';
import { jsonDoc, say } from './view.js';

/** A CliError in the user's language: its message and the lines under it (missing flags…). */
export function errorText(err: CliError, t: Translate): { message: string; lines: string[] } {
  return { message: say(t, err.code, err.params), lines: err.details.map((d) => say(t, d.code, d.params ?? {})) };
}

/** `--json` on failure: the stable code and its parameters, then the words. */
export function failureJson(err: CliError, t: Translate): object {
  const { message } = errorText(err, t);
  return jsonDoc({
    ok: false,
    exitCode: err.exitCode,
    error: { code: err.code, params: err.params, message, details: err.details.map((d) => ({ code: d.code, params: d.params ?? {}, message: say(t, d.code, d.params ?? {}) })) },
  });
}
