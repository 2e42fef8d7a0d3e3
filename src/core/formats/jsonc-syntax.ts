/** jsonc-parser's tree, turned into the neutral syntax the engine edits. */
import { parseTree, printParseErrorCode, type Node, type ParseError as JsoncError } from 'jsonc-parser';
import { parseErrorAt } from './text.js';
import type { MemberSyntax, SyntaxParse, ValueSyntax } from './syntax.js';
import type { JsonPrimitive } from './types.js';

// jsonc-parser's error codes are a const enum, which verbatimModuleSyntax cannot read, so they
// are matched by the names printParseErrorCode gives them.
const ERROR_WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: "expected a closing brace '}'",
  CloseBracketExpected: "expected a closing bracket ']'",
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are not allowed here',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function toSyntax(node: Node): ValueSyntax {
  const start = node.offset;
  const end = node.offset + node.length;
  if (node.type === 'object') {
    const members = (node.children ?? []).map((property): MemberSyntax => {
      const [key, value] = property.children as [Node, Node];
      return { key: key.value as string, start: key.offset, keyEnd: key.offset + key.length, end: value.offset + value.length, value: toSyntax(value) };
    });
    return { kind: 'object', start, end, members };
  }
  if (node.type === 'array') return { kind: 'array', start, end, items: (node.children ?? []).map(toSyntax) };
  return { kind: 'scalar', start, end, value: node.value as JsonPrimitive };
}

/** Comments and trailing commas are accepted, as in VS Code's settings files. */
export function parseJsoncSyntax(body: string): SyntaxParse {
  const errors: JsoncError[] = [];
  const tree = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const first = errors.reduce<JsoncError | undefined>((a, b) => (a === undefined || b.offset < a.offset ? b : a), undefined);
  if (first) return { ok: false, error: parseErrorAt(body, first.offset, ERROR_WORDS[printParseErrorCode(first.error)] ?? 'syntax error') };
  return { ok: true, root: tree ? toSyntax(tree) : undefined };
}

export const JSONC_TRIVIA = { lineCommentEnds: /[\r\n]/ } as const;
