import type { CliError } from '../exit-codes.js';
import { hasMessage, type Translate } from '../i18n/index.js';

/** A CliError in the user's language: its message and the lines under it (missing flags…). */
export function errorText(err: CliError, t: Translate): { message: string; lines: string[] } {
  const message = hasMessage(err.message) ? t(err.message, err.params) : err.message;
  const lines = err.lines.map((l) => {
    if (l === 'key') return t('error.missingKey');
    const [flag, choices] = l.split('|');
    if (choices === '') return t('error.missingDepends', { flag: flag ?? '' });
    return choices !== undefined ? t('error.missingFlag', { flag: flag ?? '', choices }) : l;
  });
  return { message, lines };
}
