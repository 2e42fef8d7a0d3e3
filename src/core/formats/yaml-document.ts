/**
 * Edits applied to the `yaml` package's Document for the editor in yaml.ts: new nodes take over
 * the comments, blank lines and quoting of the ones they replace, and comments that belong to the
 * file or to the next entry stay when an entry goes.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  Pair,
  parse as parseYaml,
  Scalar,
  visit,
  type Document,
  type Node as YamlNode,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { formatPath, nestUnder } from './value.js';
import { EditError, type Edit, type JsonValue, type KeyPath } from './types.js';

type Container = YAMLMap | YAMLSeq;

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function pairIndex(map: YAMLMap, key: string): number {
  return map.items.findIndex((pair) => keyText(pair.key) === key);
}

function childNode(node: unknown, segment: string | number): unknown {
  if (isMap(node) && typeof segment === 'string') {
    const index = pairIndex(node, segment);
    return index === -1 ? undefined : (node.items[index] as Pair).value;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

function containerAt(doc: Document, path: KeyPath): Container {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) throw new EditError(`cannot edit ${formatPath(path)}: it goes through a YAML alias`, path);
    node = childNode(node, segment);
  }
  if (isAlias(node)) throw new EditError(`cannot edit ${formatPath(path)}: it goes through a YAML alias`, path);
  if (!isMap(node) && !isSeq(node)) throw new EditError(`cannot edit ${formatPath(path)}: it is not a mapping or a sequence`, path);
  return node;
}

// YAML 1.1 readers (PyYAML, which Hermes uses) take `yes`, `on`, `1:30` or `2024-01-01` as other
// types; YAML 1.2 prints them plain, so such strings are quoted for both to read a string.
function readsAsOtherType(value: string): boolean {
  if (value.includes('\n')) return false;
  try {
    return parseYaml(value, { version: '1.1', logLevel: 'silent' }) !== value;
  } catch {
    return true;
  }
}

function quoteAmbiguous(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.type === undefined && readsAsOtherType(node.value)) node.type = 'QUOTE_DOUBLE';
  } else if (isMap(node)) {
    for (const pair of node.items) {
      quoteAmbiguous(pair.key);
      quoteAmbiguous(pair.value);
    }
  } else if (isSeq(node)) {
    node.items.forEach(quoteAmbiguous);
  }
}

function createNode(doc: Document, value: JsonValue): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  quoteAmbiguous(node);
  return node;
}

function createKey(doc: Document, key: string): Scalar {
  const node = doc.createNode(key) as Scalar;
  quoteAmbiguous(node);
  return node;
}

/** The new node takes over the comments and blank line around the one it replaces. */
function replacement(doc: Document, old: unknown, value: JsonValue): YamlNode {
  const node = createNode(doc, value);
  if (!isScalar(old) && !isCollection(old)) return node;
  if (isCollection(old) && isCollection(node) && old.flow) node.flow = true;
  // An empty collection prints as `[]` or `{}` anyway; as a flow node it keeps a comment on its line.
  if (isCollection(node) && node.items.length === 0) node.flow = true;
  node.spaceBefore = old.spaceBefore;
  const comments = [old.commentBefore, old.comment].filter(Boolean).join('\n') || undefined;
  // A block collection starts on the line below its key, so the comments go above it; anything
  // else stays on the key's line, with the comments after it.
  if (isCollection(node) && !node.flow) node.commentBefore = comments;
  else node.comment = comments;
  if (isScalar(old) && isScalar(node) && typeof old.value === 'string' && typeof value === 'string') {
    if (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE') node.type = old.type;
  }
  return node;
}

function setIn(doc: Document, path: KeyPath, value: JsonValue): void {
  if (path.length === 0) {
    doc.contents = replacement(doc, doc.contents, value) as Document['contents'];
    return;
  }
  if (doc.contents === null) doc.contents = createNode(doc, {}) as Document['contents'];
  let depth = 0;
  let node: unknown = doc.contents;
  while (depth < path.length - 1) {
    const next = childNode(node, path[depth] as string | number);
    if (next === undefined || isAlias(next)) break;
    node = next;
    depth++;
  }
  const container = containerAt(doc, path.slice(0, depth));
  const segment = path[depth] as string | number;
  const nested = nestUnder(path.slice(depth + 1), value, path);
  if (isMap(container) && typeof segment === 'string') {
    const index = pairIndex(container, segment);
    const pair = container.items[index];
    if (pair) pair.value = replacement(doc, pair.value, nested);
    else container.items.push(new Pair(createKey(doc, segment), createNode(doc, nested)));
  } else if (isSeq(container) && typeof segment === 'number') {
    container.items[segment] = replacement(doc, container.items[segment], nested);
  } else {
    throw new EditError(`cannot set ${formatPath(path)}`, path);
  }
}

/**
 * A block collection whose last entry went prints as `[]` or `{}` on a line of its own, which
 * does not parse below a key; as a flow node it stays on the key's line, with its comments after.
 */
function settleEmpty(node: Container): void {
  if (node.items.length > 0 || node.flow) return;
  node.flow = true;
  node.comment = [node.commentBefore, node.comment].filter(Boolean).join('\n') || undefined;
  node.commentBefore = undefined;
}

/**
 * yaml gives the comment lines after a block collection to that collection, though they stand
 * above the next entry; when the collection goes, they stay, above that entry.
 */
function passOnEndComment(removed: unknown, next: unknown): void {
  if (!isCollection(removed) || removed.flow || !removed.comment) return;
  if (!isScalar(next) && !isCollection(next)) return;
  next.commentBefore = next.commentBefore ? `${removed.comment}\n${next.commentBefore}` : removed.comment;
}

function deleteIn(doc: Document, path: KeyPath): void {
  const container = containerAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isSeq(container) && typeof last === 'number') {
    const [removed] = container.items.splice(last, 1);
    passOnEndComment(removed, container.items[last]);
    settleEmpty(container);
    return;
  }
  if (!isMap(container) || typeof last !== 'string') return;
  const index = pairIndex(container, last);
  if (index === -1) return;
  const [pair] = container.items.splice(index, 1);
  passOnEndComment(pair?.value, container.items[index]?.key);
  if (container !== doc.contents) {
    settleEmpty(container);
    return;
  }
  if (index !== 0) return;
  // The comments above the first key are the file's header, not the key's: they stay, above
  // what is now the first key.
  const header = isScalar(pair?.key) ? pair.key.commentBefore : undefined;
  const next = container.items[0]?.key;
  if (header && isScalar(next)) {
    next.commentBefore = next.commentBefore ? `${header}\n${next.commentBefore}` : header;
  } else if (header) {
    doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${header}` : header;
  }
  // The printer puts a blank line below a document comment already.
  if (doc.commentBefore && isScalar(next)) next.spaceBefore = false;
}

function insertIn(doc: Document, path: KeyPath, value: JsonValue): void {
  const arrayPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  let node: unknown = doc.contents;
  for (const segment of arrayPath) node = childNode(node, segment);
  if (!isSeq(node)) {
    setIn(doc, arrayPath, [value]);
    return;
  }
  node.items.splice(index, 0, createNode(doc, value));
}

/**
 * An edit may not reach into or through an alias (`key: *anchor`): the aliased node is shared
 * with its anchor, and writing there would change both or silently unshare them. The alias
 * itself may be replaced or removed.
 */
function refuseAliases(doc: Document, path: KeyPath, intoLast: boolean): void {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) throw new EditError(`cannot edit ${formatPath(path)}: ${formatPath(path.slice(0, i))} is a YAML alias`, path);
    node = childNode(node, path[i] as string | number);
    if (node === undefined) return;
  }
  // Setting or removing the alias itself leaves its anchor alone; inserting into it would not.
  if (intoLast && isAlias(node)) throw new EditError(`cannot edit ${formatPath(path)}: it is a YAML alias`, path);
}

/** Anchors defined in or under `node`. */
function anchorsIn(node: unknown): Set<string> {
  const names = new Set<string>();
  if (!isScalar(node) && !isCollection(node)) return names;
  if (node.anchor) names.add(node.anchor);
  if (isCollection(node)) {
    visit(node, (_key, child) => {
      if ((isScalar(child) || isCollection(child)) && child.anchor) names.add(child.anchor);
    });
  }
  return names;
}

/** A node whose anchor an alias elsewhere refers to cannot be replaced or removed: the alias would dangle. */
function refuseAnchored(doc: Document, path: KeyPath): void {
  // Anchors on the way down count too: an edit inside an anchored node changes every alias of it.
  const anchors = new Set<string>();
  let node: unknown = doc.contents;
  for (const segment of path) {
    if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.add(node.anchor);
    node = childNode(node, segment);
    if (node === undefined) break;
  }
  if (node !== undefined) for (const name of anchorsIn(node)) anchors.add(name);
  if (anchors.size === 0) return;
  visit(doc, {
    Alias(_key, alias) {
      if (anchors.has(alias.source)) {
        throw new EditError(`cannot edit ${formatPath(path)}: a YAML alias (*${alias.source}) elsewhere refers to its anchor`, path);
      }
    },
  });
}

export function applyToDocument(doc: Document, edit: Edit): void {
  refuseAliases(doc, edit.op === 'insert' ? edit.path.slice(0, -1) : edit.path, edit.op === 'insert');
  refuseAnchored(doc, edit.op === 'insert' ? edit.path.slice(0, -1) : edit.path);
  if (edit.op === 'set') setIn(doc, edit.path, edit.value);
  else if (edit.op === 'insert') insertIn(doc, edit.path, edit.value);
  else deleteIn(doc, edit.path);
}
