import { EditError, type Edit, type FormatEditor, type JsonValue, type ParseResult } from './types.js';

/**
 * `.env` files as OpenClaw and Qwen Code read them: `KEY=value` lines, optional `export `,
 * `#` comments, values bare or in single/double quotes. Edits touch only the line of the
 * variable they set; every other line, comment and blank stays as it was.
 */

const LINE = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.]*)(\s*=\s*)(.*)$/;

interface ParsedLine {
  readonly name: string;
  readonly value: string;
}

function unquote(raw: string): string | null {
  const v = raw.trim();
  if (v.startsWith('"')) {
    const end = v.lastIndexOf('"');
    if (end <= 0) return null;
    return v.slice(1, end).replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  if (v.startsWith("'")) {
    const end = v.lastIndexOf("'");
    return end <= 0 ? null : v.slice(1, end);
  }
  // An unquoted value ends at an inline comment (` #`), as dotenv loaders read it.
  const hash = v.search(/\s#/);
  return (hash >= 0 ? v.slice(0, hash) : v).trim();
}

function parseLine(line: string): ParsedLine | 'skip' | null {
  const body = line.replace(/\r$/, '');
  if (body.trim() === '' || body.trimStart().startsWith('#')) return 'skip';
  const m = LINE.exec(body);
  if (!m) return null;
  const value = unquote(m[5] ?? '');
  return value === null ? null : { name: m[3] ?? '', value };
}

function quote(value: string): string {
  return /^[A-Za-z0-9_\-./+=:@,]*$/.test(value) ? value : JSON.stringify(value);
}

function splitLines(text: string): { lines: string[]; eol: string; bom: string } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  return { lines: body.split(/\r?\n/), eol, bom };
}

export const dotenvEditor: FormatEditor = {
  format: 'dotenv',

  parse(text: string): ParseResult {
    const { lines } = splitLines(text);
    const value: { [k: string]: JsonValue } = {};
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const parsed = parseLine(line);
      if (parsed === null) {
        return { ok: false, error: { message: 'expected KEY=value, a # comment or a blank line', offset, line: i + 1, column: 1 } };
      }
      if (parsed !== 'skip') value[parsed.name] = parsed.value;
      offset += line.length + 1;
    }
    return { ok: true, value };
  },

  apply(text: string, edits: readonly Edit[]): string {
    const { lines, eol, bom } = splitLines(text);
    // A file without a final newline keeps lacking it, except that appended lines get one before them.
    for (const edit of edits) {
      const [name, ...rest] = edit.path;
      if (typeof name !== 'string' || rest.length > 0 || edit.op === 'insert') {
        throw new EditError('a .env file holds only top-level variables', edit.path);
      }
      const index = lines.findLastIndex((l) => {
        const p = parseLine(l);
        return p !== 'skip' && p !== null && p.name === name;
      });
      if (edit.op === 'delete') {
        // Remove every definition, or an earlier duplicate would take over.
        for (let i = lines.length - 1; i >= 0; i--) {
          const p = parseLine(lines[i] ?? '');
          if (p !== 'skip' && p !== null && p.name === name) lines.splice(i, 1);
        }
        continue;
      }
      if (typeof edit.value !== 'string') throw new EditError('.env values are strings', edit.path);
      if (index >= 0) {
        const m = LINE.exec(lines[index] ?? '');
        lines[index] = `${m?.[1] ?? ''}${m?.[2] ?? ''}${name}${m?.[4] ?? '='}${quote(edit.value)}`;
      } else {
        const endsWithNewline = lines.length > 0 && lines[lines.length - 1] === '';
        const line = `${name}=${quote(edit.value)}`;
        if (lines.length === 1 && lines[0] === '') lines.splice(0, 1, line, '');
        else if (endsWithNewline) lines.splice(lines.length - 1, 0, line);
        else lines.push(line, '');
      }
    }
    return bom + lines.join(eol);
  },
};
