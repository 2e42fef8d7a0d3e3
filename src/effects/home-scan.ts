import type { ProviderView, ToolId } from '../core/adapters/index.js';
import type { Env, ToolContext } from '../core/context.js';
import { doctorReads, examineAll, type DoctorRead } from '../core/doctor/run.js';
import type { Finding } from '../core/findings.js';
import { candidatePaths } from '../core/adapters/types.js';
import { loadReaders, ReaderNeeded } from '../core/formats/readers.js';
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
  // The readers' libraries load only for the formats this home has (src/core/formats/readers.ts):
  // YAML's when a YAML file is there; the JSON dialects when a reader asks, as only a parse can
  // tell. The evaluation is pure, so it simply runs again once they are in.
  const found = reads.flatMap((r) => r.targets.filter((t) => candidatePaths(t).some((p) => typeof files.texts[p] === 'string')));
  await loadReaders(found.map((t) => t.format).filter((f) => f === 'yaml'));
  let exam: ReturnType<typeof examineAll> | undefined;
  const asked = new Set<string>();
  while (exam === undefined) {
    try {
      exam = examineAll(input);
    } catch (err) {
      if (!(err instanceof ReaderNeeded) || asked.has(err.format)) throw err;
      asked.add(err.format);
      await loadReaders([err.format]);
    }
  }
  const { findings, views } = exam;
  return { findings, views, ctx, texts: files.texts, subdirs: files.subdirs, reads };
}
