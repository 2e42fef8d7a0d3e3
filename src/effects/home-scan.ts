import type { ProviderView, ToolId } from '../core/adapters/index.js';
import type { Env, ToolContext } from '../core/context.js';
import { doctorReads, examineAll, type DoctorRead } from '../core/doctor/run.js';
import type { Finding } from '../core/findings.js';
import { JsonDialectsNeeded, loadJsonDialects } from '../core/formats/readers.js';
import { readDoctorFiles, type DoctorFiles } from './doctor-read.js';
import type { Homes } from './paths.js';
import { probeVersions } from './probes.js';
import { readState } from './state.js';
import type { OnTask } from './tasks.js';

export interface HomeScan {
  readonly findings: Finding[];
  readonly views: ProviderView[];
  readonly ctx: ToolContext;
  readonly texts: Record<string, string | null>;
  readonly subdirs: DoctorFiles['subdirs'];
  readonly reads: DoctorRead[];
}

/**
 * Read everything the doctor looks at for these tools and evaluate it: doctor, clean, key,
 * verify, explain and the wizard's start screen all see the home through this one scan.
 */
export async function scanHome(homes: Homes, tools: readonly ToolId[], io: { readonly env: Env; readonly platform: string }, onTask?: OnTask): Promise<HomeScan> {
  const versions = await probeVersions(tools, io.env, { onTask });
  const ctx: ToolContext = { home: homes.home, env: io.env, platform: io.platform, versions };
  const reads = doctorReads(tools, ctx);
  const [files, state] = await Promise.all([readDoctorFiles(reads), readState(homes.stateDir)]);
  const recorded = Object.fromEntries(Object.entries(state.tools).map(([t, r]) => [t, { plan: r.plan, region: r.region, files: r.files }]));
  const input = { ctx, tools, ...files, installed: versions, recorded };
  let exam: ReturnType<typeof examineAll>;
  try {
    exam = examineAll(input);
  } catch (err) {
    // A JSON-family file that is not strict JSON needs the dialects' parsers, which load only
    // then (src/core/formats/readers.ts); the evaluation is pure, so it simply runs again.
    if (!(err instanceof JsonDialectsNeeded)) throw err;
    await loadJsonDialects();
    exam = examineAll(input);
  }
  const { findings, views } = exam;
  return { findings, views, ctx, texts: files.texts, subdirs: files.subdirs, reads };
}
