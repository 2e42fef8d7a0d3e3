/**
 * `key`'s decisions, pure: which stored key is the old one, where every copy of it sits, and
 * what each of those files becomes. The command reads the files, asks, and writes.
 */
import path from 'node:path';
import { familyOfPlan, isPlanId } from '../catalog/index.js';
import type { PlanId } from '../catalog/types.js';
import type { ProviderView } from '../adapters/index.js';
import type { DoctorRead } from '../doctor/run.js';
import { CliError, ExitCode } from '../errors.js';
import { readerFor } from '../formats/readers.js';
import { patchFile } from '../patch-file.js';
import type { FormatId } from '../formats/types.js';
import { maskKey } from '../keys.js';
import { candidatePaths, formatKeyPath } from '../planner.js';
import { findCopies, rotationEdits, storedKeys, type StoredKey } from '../rotate.js';
import type { FileWrite } from '../writes.js';
import { planChoices } from '../questions.js';

export interface KeyChange {
  readonly path: string;
  readonly what: 'replace' | 'move' | 'drop-profile';
  readonly keyPaths: readonly string[];
}

/** What the review of a key rotation shows; the keys are only ever shown masked. */
export interface RotationPreview {
  readonly oldKey: string;
  readonly newKey: string;
  readonly changes: readonly KeyChange[];
}

/** The one key to replace: `--plan` narrows to a plan family when the tools use several. */
export function pickOldKey(views: readonly ProviderView[], planFlag: string | undefined): StoredKey {
  if (planFlag !== undefined && !isPlanId(planFlag)) {
    throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--plan', value: planFlag, choices: planChoices() });
  }
  const wanted = planFlag ? familyOfPlan(planFlag as PlanId) : undefined;
  const stored = storedKeys(views).filter((k) => !wanted || k.families.includes(wanted));
  if (stored.length === 0) throw new CliError(ExitCode.USAGE, 'error.noOldKey');
  if (stored.length > 1) {
    throw new CliError(
      ExitCode.USAGE,
      'error.manyOldKeys',
      {},
      stored.map((k) => ({ code: 'error.oldKeyRow', params: { key: maskKey(k.value), families: k.families.join(', '), tools: k.tools.join(', ') } })),
    );
  }
  return stored[0]!;
}

/** The config files (every candidate path of every tool) that exist, as texts to search. */
export function configFiles(reads: readonly DoctorRead[], texts: Readonly<Record<string, string | null>>): { path: string; format: FormatId; text: string }[] {
  const out: { path: string; format: FormatId; text: string }[] = [];
  for (const r of reads) {
    for (const t of r.targets) {
      for (const p of candidatePaths(t)) {
        const text = texts[p];
        if (text) out.push({ path: p, format: t.format, text });
      }
    }
  }
  return out;
}

export interface RotationInput {
  readonly oldKey: string;
  readonly newKey: string;
  /** Config files and shell profiles that exist. */
  readonly files: readonly { path: string; format: FormatId; text: string }[];
  readonly reads: readonly DoctorRead[];
  /** Per-subfolder files the doctor read: subdir → agent → relative path → text. */
  readonly subdirs: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string | null>>>>>>;
  /** OpenClaw 2026.8+: a leftover auth-profiles.json is OpenClaw's to migrate, not ours to edit. */
  readonly store: boolean;
}

/**
 * Every copy of the old key, by value, replaced in place; OpenClaw's per-agent caches holding it
 * are moved aside (a stored profile there beats the config; see docs/tools/openclaw.md), or, in an
 * auth-profiles.json, only the profiles holding the old key are dropped.
 */
export function planRotation(input: RotationInput): { writes: FileWrite[]; changes: KeyChange[] } {
  const writes: FileWrite[] = [];
  const changes: KeyChange[] = [];
  for (const copy of findCopies(input.files, input.oldKey)) {
    const before = input.files.find((f) => f.path === copy.path)!.text;
    writes.push({ tool: 'key', path: copy.path, format: copy.format, secret: true, before, after: patchFile(copy.path, copy.format, before, rotationEdits(copy, input.newKey)), edits: [] });
    changes.push({ path: copy.path, what: 'replace', keyPaths: copy.keyPaths.map(formatKeyPath) });
  }
  for (const r of input.reads) {
    for (const sd of r.subdirs) {
      for (const [agent, agentFiles] of Object.entries(input.subdirs[sd.dir] ?? {})) {
        for (const [rel, text] of Object.entries(agentFiles)) {
          if (!text || !text.includes(input.oldKey)) continue;
          if (input.store && rel.endsWith('auth-profiles.json')) continue;
          const file = path.join(sd.dir, agent, rel);
          const parsed = readerFor('json')(text);
          const profiles = parsed.ok && rel.endsWith('auth-profiles.json') ? (parsed.value as { profiles?: Record<string, { key?: string }> }).profiles : undefined;
          if (profiles) {
            const drop = Object.entries(profiles).filter(([, p]) => p?.key === input.oldKey).map(([name]) => name);
            const after = patchFile(file, 'json', text, drop.map((name) => ({ op: 'delete' as const, path: ['profiles', name] })));
            writes.push({ tool: 'key', path: file, format: 'json', secret: true, before: text, after, edits: [] });
            changes.push({ path: file, what: 'drop-profile', keyPaths: drop.map((n) => `profiles.${n}`) });
          } else {
            writes.push({ tool: 'key', path: file, format: 'json', secret: true, before: text, after: null, edits: [] });
            changes.push({ path: file, what: 'move', keyPaths: [] });
          }
        }
      }
    }
  }
  return { writes, changes };
}
