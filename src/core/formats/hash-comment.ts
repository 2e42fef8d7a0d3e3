/**
 * Where a `#` comment starts on one line of TOML or YAML. Both quote strings with `"` (backslash
 * escapes inside) or `'` (none), and a `#` inside a string is no comment; the formats differ in
 * where a quote may open a string and where a `#` opens a comment, which each passes in.
 * TOML: https://toml.io/en/v1.0.0#comment, YAML: https://yaml.org/spec/1.2.2/#66-comments
 */

export interface HashCommentRules {
  /** Whether the `"` or `'` at `i`, outside a string, opens one. */
  readonly opensString: (line: string, i: number) => boolean;
  /** Whether the `#` at `i`, outside a string, opens a comment. */
  readonly opensComment: (line: string, i: number) => boolean;
}

/** The index of the `#` that starts the line's comment, or -1. */
export function hashCommentStart(line: string, rules: HashCommentRules): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') i++;
    else if (quote !== undefined && ch === quote) quote = undefined;
    else if (quote === undefined && (ch === '"' || ch === "'") && rules.opensString(line, i)) quote = ch;
    else if (quote === undefined && ch === '#' && rules.opensComment(line, i)) return i;
  }
  return -1;
}
