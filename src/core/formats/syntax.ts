/**
 * A format-neutral view of a parsed JSON-like document: just the offsets the splice engine needs.
 * JSONC (via jsonc-parser) and JSON5 (via the croct lexer) both produce it, so both share one
 * editing engine and one set of layout rules.
 */
import { setOwn, type JsonObject } from './value.js';
import type { JsonPrimitive, JsonValue, ParseError, PathSegment } from './types.js';

/** Offsets are into the text after its BOM; `end` is exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface MemberSyntax extends Span {
  /** `start` is where the key begins, `end` where the value ends. */
  readonly key: string;
  readonly keyEnd: number;
  readonly value: ValueSyntax;
}

export interface ObjectSyntax extends Span {
  readonly kind: 'object';
  readonly members: readonly MemberSyntax[];
}

export interface ArraySyntax extends Span {
  readonly kind: 'array';
  readonly items: readonly ValueSyntax[];
}

export interface ScalarSyntax extends Span {
  readonly kind: 'scalar';
  readonly value: JsonPrimitive;
}

export type ValueSyntax = ObjectSyntax | ArraySyntax | ScalarSyntax;
export type ContainerSyntax = ObjectSyntax | ArraySyntax;

/** `root` is undefined when the text holds no value at all (empty, blank or only comments). */
export type SyntaxParse =
  | { readonly ok: true; readonly root: ValueSyntax | undefined }
  | { readonly ok: false; readonly error: ParseError };

export function syntaxToValue(node: ValueSyntax): JsonValue {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(syntaxToValue);
    case 'object': {
      // Like JSON.parse, a repeated key keeps its last value.
      const result: JsonObject = {};
      for (const member of node.members) setOwn(result, member.key, syntaxToValue(member.value));
      return result;
    }
  }
}

/** The member that decides the key's value: the last one when a key is repeated. */
export function memberNamed(node: ObjectSyntax, key: string): MemberSyntax | undefined {
  for (let i = node.members.length - 1; i >= 0; i--) {
    const member = node.members[i] as MemberSyntax;
    if (member.key === key) return member;
  }
  return undefined;
}

export function childSyntax(node: ValueSyntax, segment: PathSegment): ValueSyntax | undefined {
  if (node.kind === 'object' && typeof segment === 'string') return memberNamed(node, segment)?.value;
  if (node.kind === 'array' && typeof segment === 'number') return node.items[segment];
  return undefined;
}

/** Entries of a container as plain spans: a member from its key to the end of its value. */
export function entrySpans(node: ContainerSyntax): readonly Span[] {
  return node.kind === 'object' ? node.members : node.items;
}
