import { fs } from './builtins.js';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { DoctorRead } from '../core/doctor/run.js';
import { candidatePaths } from '../core/adapters/types.js';
import { folderMode, readFileState, resolveTarget } from './fs.js';

export interface DoctorFiles {
  readonly texts: Record<string, string | null>;
  readonly modes: Record<string, number | null>;
  /** Hard links per existing file. */
  readonly links: Record<string, number>;
  /** The folder that really holds each existing file (through symlinks) and its mode. */
  readonly folders: Record<string, { readonly dir: string; readonly mode: number }>;
  readonly subdirs: Record<string, Record<string, Record<string, string | null>>>;
}

/** Read every file the doctor looks at; nothing is written. */
export async function readDoctorFiles(reads: readonly DoctorRead[]): Promise<DoctorFiles> {
  const texts: Record<string, string | null> = {};
  const modes: Record<string, number | null> = {};
  const subdirs: Record<string, Record<string, Record<string, string | null>>> = {};
  const links: Record<string, number> = {};
  const folders: Record<string, { dir: string; mode: number }> = {};
  for (const r of reads) {
    for (const t of r.targets) {
      for (const p of candidatePaths(t)) {
        const s = await readFileState(p);
        texts[p] = s.binary ? null : s.text;
        modes[p] = s.mode;
        if (s.text === null) continue;
        if (s.links) links[p] = s.links;
        const mode = await folderMode(p);
        if (mode !== null) folders[p] = { dir: path.dirname(await resolveTarget(p)), mode };
      }
    }
    for (const sd of r.subdirs) {
      let names: Dirent[] = [];
      try {
        names = fs.readdirSync(sd.dir, { withFileTypes: true });
      } catch {
        // no such folder, or not one: nothing under it
      }
      const found: Record<string, Record<string, string | null>> = {};
      for (const e of names.filter((n) => n.isDirectory())) {
        const files: Record<string, string | null> = {};
        for (const rel of sd.files) files[rel] = (await readFileState(path.join(sd.dir, e.name, rel))).text;
        found[e.name] = files;
      }
      subdirs[sd.dir] = found;
    }
  }
  return { texts, modes, subdirs, links, folders };
}
