import type { Key } from 'ink';

export type TypedKey = 'up' | 'down' | 'home' | 'enter' | 'space' | 'escape' | { readonly char: string };

/**
 * One input event as the keys it holds. Ink delivers text typed quickly or pasted as one string
 * (" \r" for Space then Enter), so a view that only compared the whole string would miss both.
 */
export function typedKeys(input: string, key: Key): TypedKey[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.home) return ['home'];
  if (key.return) return ['enter'];
  if (key.escape) return ['escape'];
  if (key.ctrl || key.meta) return [];
  return [...input].map((ch): TypedKey => (ch === '\r' || ch === '\n' ? 'enter' : ch === ' ' ? 'space' : { char: ch }));
}
