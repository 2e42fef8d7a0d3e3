/**
 * fast-check generators for messy config TEXT (not just values): random nesting, comments where the
 * format allows them, indentation, line endings, BOM, trailing commas, JSON5 quoting and number
 * forms. Each comment carries a unique id and a tag saying which value it lives in, so a test can
 * tell which comments an edit is allowed to take away.
 */
import fc from 'fast-check';
import type { JsonPrimitive, JsonValue, PathSegment } from '../../../src/core/formats/types.js';

export type Dialect = 'json' | 'jsonc' | 'json5';
type CommentKind = 'line' | 'block' | undefined;

interface EntryFormat {
  readonly before: CommentKind;
  readonly after: CommentKind;
  readonly afterColon: boolean;
  readonly beforeColon: boolean;
  readonly keyStyle: 'dq' | 'sq' | 'bare';
  /** In a multi-line container: shares the previous entry's line. */
  readonly sameLine: boolean;
  /** In a multi-line container: an empty line above, or blanks at the end of its line. */
  readonly blankLineBefore: boolean;
  readonly trailingBlanks: boolean;
}

interface ContainerFormat {
  readonly multi: boolean;
  readonly trailing: boolean;
  readonly innerComment: boolean;
  /** Multi-line, but the closing bracket follows the last entry on its line. */
  readonly closeOnLastLine: boolean;
  /** Indents its entries by something other than the file's unit. */
  readonly oddIndent: boolean;
  /** A comment right after the opening bracket, and one on its own line before the closing one. */
  readonly openComment: CommentKind;
  readonly closeComment: CommentKind;
}

type ScalarNode = { readonly t: 'scalar'; readonly value: JsonPrimitive; readonly form: number };
type ObjectNode = {
  readonly t: 'obj';
  readonly entries: readonly { readonly key: string; readonly value: TreeNode; readonly fmt: EntryFormat }[];
  readonly fmt: ContainerFormat;
};
type ArrayNode = {
  readonly t: 'arr';
  readonly items: readonly { readonly value: TreeNode; readonly fmt: EntryFormat }[];
  readonly fmt: ContainerFormat;
};
type TreeNode = ScalarNode | ObjectNode | ArrayNode;

export interface CommentTag {
  readonly id: string;
  readonly path: readonly PathSegment[];
  /**
   * 'inside': within the value at `path` (gone if that value is replaced or deleted).
   * 'member': between the key and the value at `path` (gone only if the member is deleted).
   */
  readonly where: 'inside' | 'member';
}

export interface ConfigDoc {
  readonly dialect: Dialect;
  readonly text: string;
  readonly value: JsonValue;
  readonly comments: readonly CommentTag[];
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /** Empty, blank or comment-only text: the value is `{}` but there is no object to edit in place. */
  readonly blank: boolean;
}

export const KEY_POOL = ['a', 'b', 'c', 'model', 'apiKey', 'base_url', '$ref', 'k1', 'x-y', 'with space', 'ünï', 'q"uote', "it's"];
const STRING_POOL = ['', 'x', 'hello world', 'quote"d', "it's", 'back\\slash', 'tab\there', 'line\nbreak', 'ünï😀', '// not a comment', '/* nor this */', '{,}'];
const BARE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const scalarValue: fc.Arbitrary<JsonPrimitive> = fc.oneof(
  fc.constantFrom<JsonPrimitive>(null, true, false),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0.5, -3.25, 1e21, 5),
  fc.constantFrom(...STRING_POOL),
);

const rarely = fc.constantFrom(false, false, false, false, false, true);

const commentKind = fc.constantFrom<CommentKind>(undefined, undefined, undefined, 'line', 'block');

const entryFormat: fc.Arbitrary<EntryFormat> = fc.record({
  before: commentKind,
  after: commentKind,
  afterColon: fc.constantFrom(false, false, false, true),
  beforeColon: rarely,
  keyStyle: fc.constantFrom<'dq' | 'sq' | 'bare'>('dq', 'sq', 'bare', 'bare'),
  sameLine: rarely,
  blankLineBefore: rarely,
  trailingBlanks: rarely,
});

const containerFormat: fc.Arbitrary<ContainerFormat> = fc.record({
  multi: fc.boolean(),
  trailing: fc.boolean(),
  innerComment: fc.boolean(),
  closeOnLastLine: rarely,
  oddIndent: rarely,
  openComment: fc.constantFrom<CommentKind>(undefined, undefined, undefined, undefined, 'line', 'block'),
  closeComment: fc.constantFrom<CommentKind>(undefined, undefined, undefined, undefined, 'line', 'block'),
});

const tree = fc.letrec<{ node: TreeNode; obj: ObjectNode; arr: ArrayNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'tree' },
    fc.record({ t: fc.constant('scalar' as const), value: scalarValue, form: fc.nat(3) }),
    tie('obj'),
    tie('arr'),
  ),
  obj: fc.record({
    t: fc.constant('obj' as const),
    entries: fc.uniqueArray(fc.record({ key: fc.constantFrom(...KEY_POOL), value: tie('node'), fmt: entryFormat }), {
      maxLength: 4,
      selector: (entry) => entry.key,
      depthIdentifier: 'tree',
    }),
    fmt: containerFormat,
  }),
  arr: fc.record({
    t: fc.constant('arr' as const),
    items: fc.array(fc.record({ value: tie('node'), fmt: entryFormat }), { maxLength: 4, depthIdentifier: 'tree' }),
    fmt: containerFormat,
  }),
}));

function singleQuoted(value: string): string {
  const inner = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\\.|'/g, (m) => (m === '\\"' ? '"' : m === "'" ? "\\'" : m));
  return `'${inner}'`;
}

class Renderer {
  private next = 0;
  readonly comments: CommentTag[] = [];

  constructor(
    private readonly dialect: Dialect,
    private readonly unit: string,
    private readonly eol: string,
  ) {}

  comment(kind: 'line' | 'block', path: readonly PathSegment[], where: CommentTag['where'] = 'inside'): string {
    const id = `c${this.next++}`;
    this.comments.push({ id, path, where });
    return kind === 'line' ? `// ${id}` : `/* ${id} */`;
  }

  private key(key: string, fmt: EntryFormat): string {
    if (this.dialect !== 'json5' || fmt.keyStyle === 'dq') return JSON.stringify(key);
    if (fmt.keyStyle === 'bare' && BARE.test(key)) return key;
    return singleQuoted(key);
  }

  private scalar(node: ScalarNode): string {
    const { value, form } = node;
    if (this.dialect !== 'json5') return JSON.stringify(value);
    if (typeof value === 'string') return form % 2 === 0 ? singleQuoted(value) : JSON.stringify(value);
    if (typeof value !== 'number') return String(value);
    if (Number.isInteger(value) && value >= 0 && value < 1e6 && form === 1) return `0x${value.toString(16).toUpperCase()}`;
    if (value > 0 && form === 2) return `+${value}`;
    if (value === 0.5 && form === 3) return '.5';
    if (value === 5 && form === 3) return '5.';
    return JSON.stringify(value);
  }

  render(node: TreeNode, indent: string, path: readonly PathSegment[], inlineOnly: boolean): string {
    if (node.t === 'scalar') return this.scalar(node);
    const comments = this.dialect !== 'json';
    const multi = node.fmt.multi && !inlineOnly;
    const [open, close] = node.t === 'obj' ? ['{', '}'] : ['[', ']'];
    const entries = node.t === 'obj' ? node.entries : node.items;
    if (entries.length === 0) {
      if (comments && node.fmt.innerComment && multi) {
        return open + this.eol + indent + this.unit + this.comment('line', path) + this.eol + indent + close;
      }
      return open + close;
    }
    const inner = indent + (node.fmt.oddIndent ? ' \t' : this.unit);
    const trailing = comments && node.fmt.trailing;
    let text = open;
    if (comments && node.fmt.openComment) text += ' ' + this.comment(multi ? node.fmt.openComment : 'block', path);
    let mustBreak = multi && node.fmt.openComment === 'line';
    entries.forEach((entry, i) => {
      const segment: PathSegment = node.t === 'obj' ? (entry as ObjectNode['entries'][number]).key : i;
      const childPath = [...path, segment];
      const last = i === entries.length - 1;
      const fmt = entry.fmt;
      if (multi) {
        if (i > 0 && fmt.sameLine && !mustBreak) text += ' ';
        else text += (fmt.blankLineBefore ? this.eol : '') + this.eol + inner;
      } else if (i > 0) {
        text += ' ';
      }
      if (comments && fmt.before) {
        text += multi ? this.comment(fmt.before, path) + this.eol + inner : this.comment('block', path) + ' ';
      }
      if (node.t === 'obj') {
        text += this.key(segment as string, fmt);
        if (comments && fmt.beforeColon) text += ' ' + this.comment('block', childPath, 'member');
        text += ': ';
        if (comments && fmt.afterColon) text += this.comment('block', childPath, 'member') + ' ';
      }
      text += this.render(entry.value, inner, childPath, !multi);
      if (!last || trailing) text += ',';
      const after = comments && fmt.after ? (multi ? fmt.after : 'block') : undefined;
      if (after) text += ' ' + this.comment(after, path);
      if (multi && fmt.trailingBlanks) text += '  ';
      mustBreak = after === 'line' || (multi && fmt.trailingBlanks);
    });
    if (multi) {
      if (comments && node.fmt.closeComment) text += this.eol + inner + this.comment(node.fmt.closeComment, path);
      else if (node.fmt.closeOnLastLine && !mustBreak) return text + close;
      return text + this.eol + indent + close;
    }
    return text + (comments && node.fmt.closeComment ? ' ' + this.comment('block', path) : '') + close;
  }
}

function toValue(node: TreeNode): JsonValue {
  if (node.t === 'scalar') return node.value;
  if (node.t === 'arr') return node.items.map((item) => toValue(item.value));
  const result: { [key: string]: JsonValue } = {};
  for (const entry of node.entries) result[entry.key] = toValue(entry.value);
  return result;
}

export function configDoc(dialect: Dialect): fc.Arbitrary<ConfigDoc> {
  return fc
    .record({
      root: tree.obj,
      unit: fc.constantFrom('  ', '    ', '\t', '   '),
      eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
      bom: fc.boolean(),
      lead: commentKind,
      trail: commentKind,
      finalEol: fc.boolean(),
      blank: fc.nat(19),
    })
    .map(({ root, unit, eol, bom, lead, trail, finalEol, blank }): ConfigDoc => {
      const renderer = new Renderer(dialect, unit, eol);
      const comments = dialect !== 'json';
      let text: string;
      let value: JsonValue;
      if (blank === 0) {
        // One run in twenty is a file with no value yet.
        text = comments && lead ? renderer.comment(lead, []) + eol : finalEol ? eol : '';
        value = {};
      } else {
        const leading = comments && lead ? renderer.comment(lead, []) + eol : '';
        const body = renderer.render({ ...root, fmt: { ...root.fmt, multi: root.fmt.multi || root.entries.length > 1 } }, '', [], false);
        const trailing = comments && trail ? eol + renderer.comment(trail, []) : '';
        text = leading + body + trailing + (finalEol || trail === 'line' ? eol : '');
        value = toValue(root);
      }
      return {
        dialect,
        text: (bom ? '\uFEFF' : '') + text,
        value,
        comments: renderer.comments,
        eol,
        bom,
        blank: blank === 0,
      };
    });
}

/** Small values for edits to write. */
export const editValue: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
  v: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'edit' },
    scalarValue,
    fc.array(tie('v'), { maxLength: 3, depthIdentifier: 'edit' }),
    fc.dictionary(fc.constantFrom('url', 'token', 'x y', 'n'), tie('v'), { maxKeys: 3, depthIdentifier: 'edit' }),
  ),
})).v;
