/**
 * fast-check generators for messy TOML and YAML config TEXT: sections, implicit super-tables,
 * dotted keys, inline tables, arrays of tables, block and flow collections, quoting styles,
 * comments in every place people put them, blank lines, odd spacing, CRLF, BOM, a missing final
 * newline. Every comment is `# c<N>` with a tag saying which value it belongs to (see CommentTag).
 */
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { JsonPrimitive, JsonValue, PathSegment } from '../../../src/core/formats/types.js';
import type { CommentTag } from './config-text.arbitrary.js';
import { editPlan, type EditPlan } from './edit-plan.arbitrary.js';

export type TextFormat = 'toml' | 'yaml';

export interface TextDoc {
  readonly format: TextFormat;
  readonly text: string;
  readonly value: JsonValue;
  readonly comments: readonly CommentTag[];
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
}

const KEY_POOL = ['a', 'b', 'model', 'api_key', 'base_url', 'k1', 'x-y', 'with space', 'ünï', 'q"uote', "it's", 'yes', '1'];
const STRING_POOL = ['', 'x', 'hello world', 'quote"d', "it's", 'back\\slash', 'tab\there', 'line\nbreak', 'ünï😀', '# not a comment', '[not] a table', 'a: b', 'yes', '123', 'null'];

type Scalar = { readonly t: 's'; readonly value: Exclude<JsonPrimitive, null> | null; readonly form: number };
type Arr = { readonly t: 'a'; readonly items: readonly Node[]; readonly form: number; readonly comment: boolean };
type Obj = {
  readonly t: 'o';
  readonly entries: readonly { readonly key: string; readonly value: Node; readonly fmt: EntryFmt }[];
  readonly form: number;
};
type Node = Scalar | Arr | Obj;

interface EntryFmt {
  readonly above: boolean;
  readonly trailing: boolean;
  readonly blank: boolean;
  readonly spacing: number;
  readonly keyForm: number;
}

const sometimes = fc.constantFrom(false, false, false, true);

const entryFmt: fc.Arbitrary<EntryFmt> = fc.record({
  above: sometimes,
  trailing: sometimes,
  blank: sometimes,
  spacing: fc.nat(3),
  keyForm: fc.nat(1),
});

function scalarArb(nullable: boolean): fc.Arbitrary<Scalar> {
  const values: fc.Arbitrary<Exclude<JsonPrimitive, null> | null>[] = [
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(0.5, -3.25, 1e21, 5),
    fc.constantFrom(...STRING_POOL),
  ];
  if (nullable) values.push(fc.constant(null));
  return fc.record({ t: fc.constant('s' as const), value: fc.oneof(...values), form: fc.nat(3) });
}

function treeArb(nullable: boolean) {
  return fc.letrec<{ node: Node; obj: Obj; arr: Arr }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, scalarArb(nullable), scalarArb(nullable), tie('obj'), tie('arr')),
    obj: fc.record({
      t: fc.constant('o' as const),
      entries: fc.uniqueArray(fc.record({ key: fc.constantFrom(...KEY_POOL), value: tie('node'), fmt: entryFmt }), {
        maxLength: 4,
        selector: (entry) => entry.key,
        depthIdentifier: 'tree',
      }),
      form: fc.nat(5),
    }),
    arr: fc.record({
      t: fc.constant('a' as const),
      items: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'tree' }),
      form: fc.nat(3),
      comment: sometimes,
    }),
  }));
}

function toValue(node: Node): JsonValue {
  if (node.t === 's') return node.value;
  if (node.t === 'a') return node.items.map(toValue);
  const result: { [key: string]: JsonValue } = {};
  for (const entry of node.entries) result[entry.key] = toValue(entry.value);
  return result;
}

class Comments {
  private next = 0;
  readonly tags: CommentTag[] = [];

  make(path: readonly PathSegment[], where: CommentTag['where'] = 'inside'): string {
    const id = `c${this.next++}`;
    this.tags.push({ id, path, where });
    return `# ${id}`;
  }
}

// --- TOML ------------------------------------------------------------------------------------

const TOML_BARE = /^[A-Za-z0-9_-]+$/;

function tomlBasic(value: string): string {
  return JSON.stringify(value);
}

function tomlKey(key: string, form: number): string {
  if (TOML_BARE.test(key)) return key;
  if (form === 1 && !/['\n\t]/.test(key)) return `'${key}'`;
  return tomlBasic(key);
}

function tomlScalar(node: Scalar): string {
  const { value, form } = node;
  if (typeof value === 'string') return form === 1 && !/['\n\t]/.test(value) ? `'${value}'` : tomlBasic(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') throw new Error('TOML has no null');
  if (Number.isInteger(value) && Math.abs(value) < 1e15) {
    if (form === 1 && value >= 0) return `0x${value.toString(16).toUpperCase()}`;
    if (form === 2 && value > 0) return `+${value}`;
    if (form === 3 && value >= 1000) return `${Math.floor(value / 1000)}_${String(value % 1000).padStart(3, '0')}`;
    if (form === 3 && value === 5) return '5.0';
    return String(value);
  }
  if (value === 1e21) return form === 1 ? '1e21' : '1.0e+21';
  return String(value);
}

/** Whether a value can sit on one `key = value` line (everything nested inline). */
function tomlInline(node: Node): string {
  if (node.t === 's') return tomlScalar(node);
  if (node.t === 'a') return `[${node.items.map(tomlInline).join(', ')}]`;
  if (node.entries.length === 0) return '{}';
  return `{ ${node.entries.map((e) => `${tomlKey(e.key, e.fmt.keyForm)} = ${tomlInline(e.value)}`).join(', ')} }`;
}

const isTableArray = (node: Node): node is Arr => node.t === 'a' && node.items.length > 0 && node.items.every((item) => item.t === 'o' && item.entries.every((e) => e.value.t !== 'o'));

/** How an object entry is written under a section: 0-1 section, 2 inline, 3 dotted keys, 4-5 section. */
function tomlMode(node: Obj): 'section' | 'inline' | 'dotted' {
  if (node.form === 2) return 'inline';
  if (node.form === 3 && node.entries.length > 0 && node.entries.every((e) => e.value.t === 's')) return 'dotted';
  return 'section';
}

class TomlRenderer {
  readonly comments = new Comments();
  private readonly blocks: string[] = [];

  constructor(private readonly eol: string) {}

  private header(path: readonly string[], keyForms: readonly number[]): string {
    return path.map((key, i) => tomlKey(key, keyForms[i] ?? 0)).join('.');
  }

  private arrayValue(node: Arr, path: readonly PathSegment[], indent: string): string {
    if (node.form !== 3 || node.items.length === 0) return tomlInline(node);
    // A multi-line array, with a comment after one of its elements.
    // The comment ends the first element's line, and goes with that element.
    const lines = node.items.map((item, i) => `${indent}  ${tomlInline(item)},${i === 0 && node.comment ? ' ' + this.comments.make([...path, 0], 'member') : ''}`);
    return `[${this.eol}${lines.join(this.eol)}${this.eol}${indent}]`;
  }

  /**
   * The rows of a table at `path`; sub-sections to write after it go to `later`, or are written
   * inline when there is no `later` (inside an array of tables).
   */
  private rows(node: Obj, path: readonly PathSegment[], indent: string, later: (() => void)[] | undefined, keyForms: readonly number[]): string[] {
    const lines: string[] = [];
    for (const { key, value, fmt } of node.entries) {
      const childPath = [...path, key];
      const childForms = [...keyForms, fmt.keyForm];
      if (later && value.t === 'o' && tomlMode(value) === 'section') {
        later.push(() => this.section(value, childPath as string[], childForms, fmt));
        continue;
      }
      if (later && isTableArray(value) && value.form === 2) {
        later.push(() => this.tableArray(value, childPath as string[], childForms, fmt));
        continue;
      }
      const before: string[] = [];
      if (fmt.blank && lines.length > 0) before.push('');
      const eq = [' = ', '=', '  =  ', ' = '][fmt.spacing] ?? ' = ';
      const keyText = tomlKey(key, fmt.keyForm);
      const dotted = value.t === 'o' && tomlMode(value) === 'dotted';
      // A comment right above a row goes with that row; for dotted keys that is the first `b.x = ...`.
      const owner = dotted ? [...childPath, (value as Obj).entries[0]?.key ?? ''] : childPath;
      if (fmt.above) before.push(indent + this.comments.make(owner, 'member'));
      if (value.t === 'o' && dotted) {
        value.entries.forEach((entry, i) => {
          const trailing = i === 0 && fmt.trailing ? ' ' + this.comments.make([...childPath, entry.key]) : '';
          before.push(`${indent}${keyText}.${tomlKey(entry.key, entry.fmt.keyForm)}${eq}${tomlInline(entry.value)}${trailing}`);
        });
      } else {
        const text = value.t === 'a' ? this.arrayValue(value, childPath, indent) : tomlInline(value);
        const trailing = fmt.trailing ? ' ' + this.comments.make(childPath) : '';
        before.push(`${indent}${keyText}${eq}${text}${trailing}`);
      }
      lines.push(...before);
    }
    return lines;
  }

  private section(node: Obj, path: readonly string[], keyForms: readonly number[], fmt: EntryFmt): void {
    const later: (() => void)[] = [];
    const indent = node.form === 5 ? '  ' : '';
    const rows = this.rows(node, path, indent, later, keyForms);
    // A table holding only sub-tables may go without its own header, as `[model_providers.x]` does.
    if (!(rows.length === 0 && later.length > 0 && node.form === 0)) {
      const lines: string[] = [];
      if (fmt.above) lines.push(this.comments.make(path, 'member'));
      lines.push(`[${this.header(path, keyForms)}]${fmt.trailing ? ' ' + this.comments.make(path) : ''}`, ...rows);
      if (node.form === 4 && rows.length > 0) lines.push('', this.comments.make(path));
      this.blocks.push(lines.join(this.eol));
    }
    for (const write of later) write();
  }

  private tableArray(node: Arr, path: readonly string[], keyForms: readonly number[], fmt: EntryFmt): void {
    node.items.forEach((item, i) => {
      const lines: string[] = [];
      // The comment above the first `[[x]]` header is that first element's.
      if (i === 0 && fmt.above) lines.push(this.comments.make([...path, 0], 'member'));
      lines.push(`[[${this.header(path, keyForms)}]]`, ...this.rows(item as Obj, [...path, i], '', undefined, []));
      this.blocks.push(lines.join(this.eol));
    });
  }

  render(root: Obj, lead: number, trail: boolean): string {
    const later: (() => void)[] = [];
    const rows = this.rows(root, [], '', later, []);
    const head: string[] = [];
    if (lead > 0) head.push(this.comments.make([]));
    if (lead > 1) head.push(this.comments.make([]));
    const top = [...head, ...(lead === 3 ? [''] : []), ...rows].join(this.eol);
    for (const write of later) write();
    const parts = [top, ...this.blocks].filter((part) => part !== '');
    let text = parts.join(this.eol + this.eol);
    if (trail) text += (text === '' ? '' : this.eol + this.eol) + this.comments.make(this.lastTable(root));
    return text;
  }

  private lastTable(root: Obj): readonly PathSegment[] {
    // The closing comment belongs to whatever section the file ends in.
    let path: PathSegment[] = [];
    const walk = (node: Obj, at: PathSegment[]): void => {
      for (const { key, value } of node.entries) {
        if (value.t === 'o' && tomlMode(value) === 'section') {
          path = [...at, key];
          walk(value, [...at, key]);
        } else if (isTableArray(value) && value.form === 2) {
          path = [...at, key, value.items.length - 1];
        }
      }
    };
    walk(root, []);
    return path;
  }
}

/** Fix up a generated tree so it is valid TOML: no nulls, array-of-table element paths fixed. */
function tomlTree(node: Node): Node {
  if (node.t === 's') return node.value === null ? { ...node, value: 0 } : node;
  if (node.t === 'a') return { ...node, items: node.items.map(tomlTree) };
  return { ...node, entries: node.entries.map((e) => ({ ...e, value: tomlTree(e.value) })) };
}

// --- YAML ------------------------------------------------------------------------------------

function yamlPlainOk(value: string, flow: boolean): boolean {
  if (value === '' || value.includes('\n') || /^\s|\s$/.test(value)) return false;
  try {
    const parsed = parseYaml(flow ? `k: [${value}]\n` : `k: ${value}\n`) as { k: unknown };
    return flow ? Array.isArray(parsed.k) && parsed.k.length === 1 && parsed.k[0] === value : parsed.k === value;
  } catch {
    return false;
  }
}

function yamlString(value: string, form: number, flow: boolean): string {
  if (form <= 1 && yamlPlainOk(value, flow)) return value;
  if (form === 2 && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function yamlKey(key: string, form: number): string {
  if (form === 0 && yamlPlainOk(key, false) && !/[:#,[\]{}]/.test(key)) {
    try {
      const parsed = parseYaml(`${key}: 1\n`) as Record<string, unknown>;
      if (Object.keys(parsed).length === 1 && parsed[key] === 1 && typeof Object.keys(parsed)[0] === 'string' && !/^\d+$/.test(key)) return key;
    } catch {
      // quoted below
    }
  }
  return JSON.stringify(key);
}

function yamlScalar(node: Scalar, flow: boolean): string {
  const { value, form } = node;
  if (value === null) return ['null', '~', 'null', 'Null'][form] ?? 'null';
  if (typeof value === 'string') return yamlString(value, form, flow);
  if (typeof value === 'boolean') return String(value);
  if (value === 1e21) return form === 1 ? '1e21' : '1.0e+21';
  if (Number.isInteger(value) && value >= 0 && form === 1) return `0x${value.toString(16)}`;
  return String(value);
}

function yamlFlow(node: Node): string {
  if (node.t === 's') return yamlScalar(node, true);
  if (node.t === 'a') return node.form === 1 ? `[ ${node.items.map(yamlFlow).join(', ')} ]` : `[${node.items.map(yamlFlow).join(', ')}]`;
  return `{${node.entries.map((e) => `${yamlKey(e.key, e.fmt.keyForm)}: ${yamlFlow(e.value)}`).join(', ')}}`;
}

/** yaml reads a comment right below `key:` with no value as that empty value's, not the next entry's. */
function afterEmptyValue(lines: readonly string[]): boolean {
  const last = [...lines].reverse().find((line) => line.trim() !== '');
  return last !== undefined && /:(\s+#.*)?$/.test(last);
}

class YamlRenderer {
  readonly comments = new Comments();

  constructor(
    private readonly unit: string,
    private readonly indentSeq: boolean,
  ) {}

  /** Lines of a block mapping's entries at `indent`. */
  mapping(node: Obj, path: readonly PathSegment[], indent: string): string[] {
    const lines: string[] = [];
    for (const { key, value, fmt } of node.entries) {
      const childPath = [...path, key];
      if (fmt.blank && lines.length > 0) lines.push('');
      if (fmt.above && !afterEmptyValue(lines)) lines.push(indent + this.comments.make(childPath, 'member'));
      const head = `${indent}${yamlKey(key, fmt.keyForm)}:`;
      const trailing = fmt.trailing ? `${' '.repeat(fmt.spacing + 1)}${this.comments.make(childPath)}` : '';
      if (value.t === 'o' && value.entries.length > 0 && value.form !== 2) {
        lines.push(head + trailing, ...this.mapping(value, childPath, indent + this.unit));
      } else if (value.t === 'a' && value.items.length > 0 && value.form !== 2) {
        const itemIndent = this.indentSeq ? indent + this.unit : indent;
        lines.push(head + trailing, ...this.sequence(value, childPath, itemIndent));
      } else if (value.t === 's' && value.value === null && value.form === 3) {
        lines.push(head + trailing);
      } else {
        lines.push(`${head}${' '.repeat(fmt.spacing === 3 ? 2 : 1)}${value.t === 's' ? yamlScalar(value, false) : yamlFlow(value)}${trailing}`);
      }
    }
    return lines;
  }

  sequence(node: Arr, path: readonly PathSegment[], indent: string): string[] {
    const lines: string[] = [];
    node.items.forEach((item, i) => {
      const itemPath = [...path, i];
      if (i === 1 && node.comment && !afterEmptyValue(lines)) lines.push(indent + this.comments.make(itemPath, 'member'));
      if (item.t === 'o' && item.entries.length > 0 && item.form !== 2) {
        const inner = this.mapping(item, itemPath, indent + '  ');
        const first = (inner[0] ?? '').slice(indent.length + 2);
        // A comment or blank line cannot share the dash's line; such a mapping starts on the next one.
        if (first === '' || first.startsWith('#')) lines.push(`${indent}-`, ...inner);
        else lines.push(`${indent}- ${first}`, ...inner.slice(1));
      } else {
        const text = item.t === 's' ? yamlScalar(item, false) : yamlFlow(item);
        lines.push(`${indent}- ${text}`);
      }
    });
    return lines;
  }
}

// --- documents -------------------------------------------------------------------------------

const docShape = fc.record({
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\r\n'),
  bom: fc.constantFrom(false, false, false, true),
  lead: fc.nat(3),
  trail: sometimes,
  finalEol: fc.constantFrom(true, true, true, false),
  blank: fc.nat(19),
});

const tomlTreeArb = treeArb(false);
const yamlTreeArb = treeArb(true);

export const tomlDoc: fc.Arbitrary<TextDoc> = fc.record({ root: tomlTreeArb.obj, shape: docShape }).map(({ root, shape }) => {
  const tree = tomlTree(root) as Obj;
  const renderer = new TomlRenderer(shape.eol);
  let text: string;
  let value: JsonValue;
  if (shape.blank === 0) {
    text = shape.lead > 0 ? renderer.comments.make([]) : '';
    value = {};
  } else {
    text = renderer.render(tree, shape.lead, shape.trail);
    value = toValue(tree);
  }
  if (text !== '' && shape.finalEol) text += shape.eol;
  return { format: 'toml', text: (shape.bom ? '\uFEFF' : '') + text, value, comments: renderer.comments.tags, eol: shape.eol, bom: shape.bom };
});

export const yamlDoc: fc.Arbitrary<TextDoc> = fc
  .record({ root: yamlTreeArb.obj, shape: docShape, unit: fc.constantFrom('  ', '  ', '    ', '   '), indentSeq: fc.boolean() })
  .map(({ root, shape, unit, indentSeq }) => {
    const renderer = new YamlRenderer(unit, indentSeq);
    const { comments } = renderer;
    const lines: string[] = [];
    if (shape.lead > 0) lines.push(comments.make([]));
    if (shape.lead > 1) lines.push(comments.make([]));
    if (shape.lead === 3) lines.push('');
    let value: JsonValue = {};
    if (shape.blank !== 0) {
      value = toValue(root);
      if (root.entries.length === 0) lines.push('{}');
      else lines.push(...renderer.mapping(root, [], ''));
    }
    if (shape.trail && !afterEmptyValue(lines)) lines.push(comments.make([]));
    let text = lines.join(shape.eol);
    if (text !== '' && shape.finalEol) text += shape.eol;
    return { format: 'yaml', text: (shape.bom ? '\uFEFF' : '') + text, value, comments: comments.tags, eol: shape.eol, bom: shape.bom };
  });

function withoutNull(value: JsonValue): JsonValue {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.map(withoutNull);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNull(v)]));
  return value;
}

/** Edit lists with only values TOML can hold. */
export const tomlEditPlan: fc.Arbitrary<EditPlan> = editPlan.map((plan) => ({
  ...plan,
  specs: plan.specs.map((spec) => ({ ...spec, value: withoutNull(spec.value) })),
}));

export const yamlEditPlan: fc.Arbitrary<EditPlan> = editPlan;
