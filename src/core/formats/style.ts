/** The house style of one document, learnt once so inserted text looks like its neighbours. */
import { detectEol, detectIndentUnit, type Eol } from './text.js';
import type { MemberSyntax, ValueSyntax } from './syntax.js';

export type Quote = '"' | "'";

export interface TextStyle {
  readonly eol: Eol;
  readonly unit: string;
  /** What sits between a key and its value, e.g. ': ' or ':'. */
  readonly colon: string;
  /** JSON5 only: may write NaN/Infinity, bare keys and single quotes. */
  readonly json5: boolean;
  readonly bareKeys: boolean;
  readonly keyQuote: Quote;
  readonly stringQuote: Quote;
}

interface Tally {
  double: number;
  single: number;
  bare: number;
  strings: { double: number; single: number };
  colon?: string;
}

function visit(body: string, node: ValueSyntax, tally: Tally): void {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') {
      if (body[node.start] === "'") tally.strings.single++;
      else tally.strings.double++;
    }
    return;
  }
  if (node.kind === 'array') {
    for (const item of node.items) visit(body, item, tally);
    return;
  }
  for (const member of node.members) {
    countKey(body, member, tally);
    visit(body, member.value, tally);
  }
}

function countKey(body: string, member: MemberSyntax, tally: Tally): void {
  const first = body[member.start];
  if (first === '"') tally.double++;
  else if (first === "'") tally.single++;
  else tally.bare++;
  if (tally.colon === undefined) {
    const between = body.slice(member.keyEnd, member.value.start);
    if (/^[ \t]*:[ \t]*$/.test(between)) tally.colon = between;
  }
}

export function learnStyle(body: string, root: ValueSyntax | undefined, json5: boolean): TextStyle {
  const tally: Tally = { double: 0, single: 0, bare: 0, strings: { double: 0, single: 0 } };
  if (root) visit(body, root, tally);
  const quotedKeys = tally.double + tally.single;
  // Without any string values to go by, quoted keys show the file's taste.
  const singles = tally.strings.single + tally.strings.double > 0 ? tally.strings.single - tally.strings.double : tally.single - tally.double;
  const stringQuote: Quote = json5 && singles > 0 ? "'" : '"';
  return {
    eol: detectEol(body),
    unit: detectIndentUnit(body),
    colon: tally.colon ?? ': ',
    json5,
    bareKeys: json5 && tally.bare > quotedKeys,
    keyQuote: !json5 ? '"' : quotedKeys === 0 ? stringQuote : tally.single > tally.double ? "'" : '"',
    stringQuote,
  };
}
