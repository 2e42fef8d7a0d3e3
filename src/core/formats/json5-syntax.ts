/**
 * JSON5 via @croct/json5-parser's lossless lexer, with our own tree builder on top. The croct
 * parser itself is not used: it rejects valid JSON5 (a single-quoted string holding a double
 * quote, `\x41` escapes, keys such as `true`), counts positions in code points rather than
 * UTF-16 offsets, and its node edits drop neighbouring comments.
 */
// The lexer's own files, not the package's index: that one loads the whole parser and its node
// classes too (some 75 KB, all CommonJS, run at every start that reads JSON5), of which only the
// lexer is used here.
import { JsonParseError } from '@croct/json5-parser/error.js';
import { JsonLexer } from '@croct/json5-parser/lexer.js';
import { JsonTokenType, type JsonToken } from '@croct/json5-parser/token.js';
import { parseErrorAt } from './text.js';
import type { MemberSyntax, SyntaxParse, ValueSyntax } from './syntax.js';

interface Token {
  readonly type: JsonTokenType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

class Json5SyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const INSIGNIFICANT = new Set([
  JsonTokenType.WHITESPACE,
  JsonTokenType.NEWLINE,
  JsonTokenType.LINE_COMMENT,
  JsonTokenType.BLOCK_COMMENT,
]);

// JSON5 keys are IdentifierNames, so words the lexer reads as literals are keys too.
const WORD_KEYS = new Set([JsonTokenType.IDENTIFIER, JsonTokenType.BOOLEAN, JsonTokenType.NULL]);

const TOKEN_WORDS: Partial<Record<JsonTokenType, string>> = {
  [JsonTokenType.EOF]: 'the end of the file',
  [JsonTokenType.COMMA]: "','",
  [JsonTokenType.COLON]: "':'",
  [JsonTokenType.BRACE_RIGHT]: "'}'",
  [JsonTokenType.BRACKET_RIGHT]: "']'",
  [JsonTokenType.BRACE_LEFT]: "'{'",
  [JsonTokenType.BRACKET_LEFT]: "'['",
};

function describeToken(token: Token): string {
  return TOKEN_WORDS[token.type] ?? `'${token.text}'`;
}

/** croct counts code points; the rest of tp-setup counts UTF-16 units like JavaScript strings. */
function codePointToOffset(text: string, codePoints: number): number {
  let offset = 0;
  for (let seen = 0; seen < codePoints && offset < text.length; seen++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}

function tokenize(body: string): Token[] {
  let raw: JsonToken[];
  try {
    raw = JsonLexer.tokenize(body);
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    const offset = codePointToOffset(body, error.location.start.index);
    throw new Json5SyntaxError(offset, `unexpected character ${JSON.stringify(body.slice(offset, offset + 1))}`);
  }
  let offset = 0;
  return raw.map((token) => {
    const start = offset;
    offset += token.value.length;
    return { type: token.type, text: token.value, start, end: offset };
  });
}

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function decodeString(token: Token): string {
  const raw = token.text;
  let out = '';
  for (let i = 1; i < raw.length - 1; i++) {
    const ch = raw[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[++i] as string;
    const at = token.start + i - 1;
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (next === 'x' || next === 'u') {
      const digits = raw.slice(i + 1, i + (next === 'x' ? 3 : 5));
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== (next === 'x' ? 2 : 4)) {
        throw new Json5SyntaxError(at, 'invalid escape sequence in string');
      }
      out += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else if (next === '0' && !/[0-9]/.test(raw[i + 1] ?? '')) out += '\0';
    else if (/[0-9]/.test(next)) throw new Json5SyntaxError(at, 'invalid escape sequence in string');
    else if (next === '\r') {
      if (raw[i + 1] === '\n') i++;
    } else if (next !== '\n' && next !== '\u2028' && next !== '\u2029') out += next;
  }
  return out;
}

function decodeNumber(token: Token): number {
  const sign = token.text.startsWith('-') ? -1 : 1;
  const digits = token.text.replace(/^[-+]/, '');
  if (digits === 'NaN') return NaN;
  if (digits === 'Infinity') return sign * Infinity;
  if (/^0[xX][0-9a-fA-F]+$/.test(digits)) return sign * parseInt(digits.slice(2), 16);
  if (/^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(digits)) return sign * Number(digits);
  throw new Json5SyntaxError(token.start, 'invalid number');
}

class Reader {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    while (INSIGNIFICANT.has((this.tokens[this.index] as Token).type)) this.index++;
    return this.tokens[this.index] as Token;
  }

  take(): Token {
    const token = this.peek();
    if (token.type !== JsonTokenType.EOF) this.index++;
    return token;
  }

  expect(type: JsonTokenType, words: string): Token {
    const token = this.take();
    if (token.type !== type) throw new Json5SyntaxError(token.start, `expected ${words}, found ${describeToken(token)}`);
    return token;
  }

  value(): ValueSyntax {
    const token = this.take();
    switch (token.type) {
      case JsonTokenType.BRACE_LEFT:
        return this.object(token);
      case JsonTokenType.BRACKET_LEFT:
        return this.array(token);
      case JsonTokenType.STRING:
        return { kind: 'scalar', start: token.start, end: token.end, value: decodeString(token) };
      case JsonTokenType.NUMBER:
        return { kind: 'scalar', start: token.start, end: token.end, value: decodeNumber(token) };
      case JsonTokenType.BOOLEAN:
        return { kind: 'scalar', start: token.start, end: token.end, value: token.text === 'true' };
      case JsonTokenType.NULL:
        return { kind: 'scalar', start: token.start, end: token.end, value: null };
      default:
        throw new Json5SyntaxError(token.start, `expected a value, found ${describeToken(token)}`);
    }
  }

  private key(): Token & { name: string } {
    const token = this.take();
    if (token.type === JsonTokenType.STRING) return { ...token, name: decodeString(token) };
    if (WORD_KEYS.has(token.type) || (token.type === JsonTokenType.NUMBER && /^(?:NaN|Infinity)$/.test(token.text))) {
      return { ...token, name: token.text };
    }
    throw new Json5SyntaxError(token.start, `expected a property name, found ${describeToken(token)}`);
  }

  private object(open: Token): ValueSyntax {
    const members: MemberSyntax[] = [];
    while (this.peek().type !== JsonTokenType.BRACE_RIGHT) {
      const key = this.key();
      this.expect(JsonTokenType.COLON, 'a colon');
      const value = this.value();
      members.push({ key: key.name, start: key.start, keyEnd: key.end, end: value.end, value });
      const next = this.peek();
      if (next.type === JsonTokenType.BRACE_RIGHT) break;
      if (next.type !== JsonTokenType.COMMA) throw new Json5SyntaxError(next.start, `expected a comma or '}', found ${describeToken(next)}`);
      this.take();
    }
    const close = this.take();
    return { kind: 'object', start: open.start, end: close.end, members };
  }

  private array(open: Token): ValueSyntax {
    const items: ValueSyntax[] = [];
    while (this.peek().type !== JsonTokenType.BRACKET_RIGHT) {
      items.push(this.value());
      const next = this.peek();
      if (next.type === JsonTokenType.BRACKET_RIGHT) break;
      if (next.type !== JsonTokenType.COMMA) throw new Json5SyntaxError(next.start, `expected a comma or ']', found ${describeToken(next)}`);
      this.take();
    }
    const close = this.take();
    return { kind: 'array', start: open.start, end: close.end, items };
  }
}

export function parseJson5Syntax(body: string): SyntaxParse {
  try {
    const reader = new Reader(tokenize(body));
    if (reader.peek().type === JsonTokenType.EOF) return { ok: true, root: undefined };
    const root = reader.value();
    const rest = reader.peek();
    if (rest.type !== JsonTokenType.EOF) {
      throw new Json5SyntaxError(rest.start, `expected the end of the file, found ${describeToken(rest)}`);
    }
    return { ok: true, root };
  } catch (error) {
    if (!(error instanceof Json5SyntaxError)) throw error;
    return { ok: false, error: parseErrorAt(body, error.offset, error.message) };
  }
}

/** JSON5 line terminators include U+2028 and U+2029. */
export const JSON5_TRIVIA = { lineCommentEnds: /[\r\n\u2028\u2029]/ } as const;
