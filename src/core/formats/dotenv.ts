import { detectEol, splitBom } from './text.js';
import { EditError, type Edit, type FormatEditor, type JsonValue, type ParseResult } from './types.js';

/**
 * `.env` files as the tools read them: `KEY=value` lines, optional `export `, `#` comments,
 * values bare or in single/double quotes. Edits touch only the line of the variable they set,
 * and on that line only the value: its spacing around `=`, its `export `, its quote style (where
 * it can hold the new value) and its trailing comment stay. Every other line stays byte for byte,
 * line ending included.
 *
 * Each tool reads its `.env` with another loader, and the loaders disagree on escapes:
 * - Qwen Code (`~/.qwen/.env`) and OpenClaw (its state `.env`): the `dotenv` npm package, which
 *   takes single-quoted text as it is and only turns `\n` and `\r` into line breaks inside
 *   double quotes (https://github.com/motdotla/dotenv#what-rules-does-the-parsing-engine-follow).
 * - Hermes (`~/.hermes/.env`): python-dotenv, which decodes `\\` and `\'` inside single quotes,
 *   every backslash escape inside double quotes, and expands `${VAR}` in bare and double-quoted
 *   values (https://github.com/theskumar/python-dotenv#file-format).
 * - Codex (`$CODEX_HOME/.env`): the Rust crate dotenvy, which reads single quotes literally,
 *   decodes backslash escapes and substitutes `$VAR` in bare and double-quoted values
 *   (https://docs.rs/dotenvy/latest/dotenvy/).
 * So a value is written only in a form all of them read back as exactly that value (see
 * `encodings`); a value no form can hold is refused.
 */

const LINE = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.]*)(\s*=\s*)(.*)$/;

/** Read alike bare by every loader: no blanks, quotes, `#`, `$` or backslash. */
const BARE = /^[A-Za-z0-9_\-./+=:@,]*$/;

type Quote = '"' | "'" | '';

interface Assignment {
  readonly name: string;
  readonly value: string;
  /** Everything up to the value: indentation, `export `, the name and the `=` with its spacing. */
  readonly head: string;
  readonly quote: Quote;
  /** What follows the value on its line: blanks and a comment. */
  readonly tail: string;
}

/** The closing quote: the first one not escaped by a backslash (double quotes only). */
function closingQuote(raw: string, quote: '"' | "'"): number {
  for (let i = 1; i < raw.length; i++) {
    if (quote === '"' && raw[i] === '\\') i++;
    else if (raw[i] === quote) return i;
  }
  return -1;
}

function parseAssignment(body: string): Assignment | null {
  const m = LINE.exec(body);
  if (!m) return null;
  const head = (m[1] ?? '') + (m[2] ?? '') + (m[3] ?? '') + (m[4] ?? '');
  const raw = m[5] ?? '';
  const first = raw[0];
  if (first === '"' || first === "'") {
    const end = closingQuote(raw, first);
    if (end === -1) return null;
    const inner = raw.slice(1, end);
    const value = first === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner;
    return { name: m[3] ?? '', value, head, quote: first, tail: raw.slice(end + 1) };
  }
  // A bare value ends at an inline comment (blanks, then `#`), as dotenv loaders read it.
  const hash = raw.search(/\s#/);
  const text = hash >= 0 ? raw.slice(0, hash) : raw;
  const value = text.trimEnd();
  return { name: m[3] ?? '', value, head, quote: '', tail: raw.slice(value.length) };
}

/** A line without its line break; blank and comment lines are 'skip'; null when it is not `KEY=value`. */
function parseLine(body: string): Assignment | 'skip' | null {
  if (body.trim() === '' || body.trimStart().startsWith('#')) return 'skip';
  return parseAssignment(body);
}

/**
 * The forms every loader above reads back as exactly `value`, best first: bare; double quotes
 * (no `"`, backslash or `$`: nothing to decode or expand); single quotes (no `'`, no `\\`, no
 * backslash right before the closing quote, which python-dotenv would decode). A line break has
 * no form: the editor writes one line per variable.
 */
export function encodings(value: string): readonly { quote: Quote; text: string }[] {
  const forms: { quote: Quote; text: string }[] = [];
  if (/[\r\n]/.test(value)) return forms;
  if (BARE.test(value)) forms.push({ quote: '', text: value });
  if (!/["\\$]/.test(value)) forms.push({ quote: '"', text: `"${value}"` });
  if (!value.includes("'") && !value.includes('\\\\') && !value.endsWith('\\')) forms.push({ quote: "'", text: `'${value}'` });
  return forms;
}

/** The value written in the line's own quote style where that style can hold it. */
function encode(value: string, name: string, preferred: Quote | undefined, tail = ''): string {
  // `KEY= # note` is an empty value to the dotenv package but `# note` to python-dotenv.
  const forms = encodings(value).filter((form) => form.text !== '' || tail.trim() === '');
  const chosen = forms.find((form) => form.quote === preferred) ?? forms[0];
  if (chosen === undefined) {
    throw new EditError(
      `cannot write ${name} to the .env file: its value holds characters (a line break, or quotes together with a backslash or $) that the tools' .env loaders would not all read back as written`,
      [name],
    );
  }
  return chosen.text;
}

interface Row {
  body: string;
  eol: string;
}

function rows(body: string): Row[] {
  if (body === '') return [];
  return body.split(/(?<=\n)/).map((line) => {
    const eol = line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : '';
    return { body: line.slice(0, line.length - eol.length), eol };
  });
}

function assignmentOf(row: Row): Assignment | undefined {
  const parsed = parseLine(row.body);
  return parsed === 'skip' || parsed === null ? undefined : parsed;
}

export const dotenvEditor: FormatEditor = {
  format: 'dotenv',

  parse(text: string): ParseResult {
    const lines = splitBom(text).body.split('\n');
    const value: { [k: string]: JsonValue } = {};
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const parsed = parseLine(line.replace(/\r$/, ''));
      if (parsed === null) {
        return { ok: false, error: { message: 'expected KEY=value, a # comment or a blank line', offset, line: i + 1, column: 1 } };
      }
      if (parsed !== 'skip') value[parsed.name] = parsed.value;
      offset += line.length + 1;
    }
    return { ok: true, value };
  },

  apply(text: string, edits: readonly Edit[]): string {
    const { bom, body } = splitBom(text);
    const eol = detectEol(body);
    const lines = rows(body);
    for (const edit of edits) {
      const [name, ...rest] = edit.path;
      if (typeof name !== 'string' || rest.length > 0 || edit.op === 'insert') {
        throw new EditError('a .env file holds only top-level variables', edit.path);
      }
      if (edit.op === 'delete') {
        // Remove every definition, or an earlier duplicate would take over.
        for (let i = lines.length - 1; i >= 0; i--) {
          if (assignmentOf(lines[i] as Row)?.name !== name) continue;
          const [removed] = lines.splice(i, 1);
          // The last line had no line break: the line before it gives up its own instead.
          const previous = lines[i - 1];
          if (removed?.eol === '' && i === lines.length && previous) previous.eol = '';
        }
        continue;
      }
      if (typeof edit.value !== 'string') throw new EditError('.env values are strings', edit.path);
      const index = lines.findLastIndex((row) => assignmentOf(row)?.name === name);
      const current = index >= 0 ? assignmentOf(lines[index] as Row) : undefined;
      if (current && index >= 0) {
        const row = lines[index] as Row;
        row.body = current.head + encode(edit.value, name, current.quote, current.tail) + current.tail;
      } else {
        const last = lines[lines.length - 1];
        if (last && last.eol === '') last.eol = eol;
        lines.push({ body: `${name}=${encode(edit.value, name, undefined)}`, eol });
      }
    }
    return bom + lines.map((row) => row.body + row.eol).join('');
  },
};
