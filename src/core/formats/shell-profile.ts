import { EditError, type Edit, type FormatEditor, type JsonValue, type ParseResult } from './types.js';

/**
 * A shell profile (`~/.bashrc`, `~/.zshrc`, `~/.profile`) is code tp-setup does not understand;
 * only its `export NAME=value` lines are read, and only the line of the variable being set is
 * ever touched. Every other line is opaque and stays byte for byte.
 */
/** Shell profiles (under the home) where an `export` of a key may live. */
export const SHELL_PROFILES = ['.bashrc', '.zshrc', '.profile', '.bash_profile'] as const;

const UNSAFE = /['\x00-\x1F\x7F-\x9F\u2028\u2029]/;

const EXPORT = /^(\s*)export\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

function unquote(raw: string): string {
  const v = raw.trim();
  if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) return v.slice(1, -1);
  return v;
}

function split(text: string): { bom: string; eol: string; lines: string[] } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  return { bom, eol: body.includes('\r\n') ? '\r\n' : '\n', lines: body.split(/\r?\n/) };
}

export const shellProfileEditor: FormatEditor = {
  format: 'shell',
  parse(text: string): ParseResult {
    const value: { [k: string]: JsonValue } = {};
    for (const line of split(text).lines) {
      const m = EXPORT.exec(line.replace(/\r$/, ''));
      if (m) value[m[2] ?? ''] = unquote(m[3] ?? '');
    }
    return { ok: true, value };
  },
  apply(text: string, edits: readonly Edit[]): string {
    const { bom, eol, lines } = split(text);
    for (const edit of edits) {
      const [name, ...rest] = edit.path;
      if (typeof name !== 'string' || rest.length > 0 || edit.op === 'insert') throw new EditError('only exported variables can be edited', edit.path);
      const isOurs = (l: string): boolean => EXPORT.exec(l)?.[2] === name;
      if (edit.op === 'delete') {
        for (let i = lines.length - 1; i >= 0; i--) if (isOurs(lines[i] ?? '')) lines.splice(i, 1);
        continue;
      }
      // Inside single quotes the shell takes every byte literally but a quote; a line break or a
      // control character would still end the line or act on the terminal that prints it
      // (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02_02).
      if (typeof edit.value !== 'string' || UNSAFE.test(edit.value)) throw new EditError('the value holds a quote, line break or control character', edit.path);
      const line = `export ${name}='${edit.value}'`;
      const at = lines.findLastIndex(isOurs);
      if (at >= 0) lines[at] = `${EXPORT.exec(lines[at] ?? '')?.[1] ?? ''}${line}`;
      else if (lines.length > 0 && lines[lines.length - 1] === '') lines.splice(lines.length - 1, 0, line);
      else lines.push(line, '');
    }
    return bom + lines.join(eol);
  },
};
