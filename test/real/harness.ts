/**
 * What every real-tool test shares: a temp home, the mock, a headless tp-setup run against the
 * mock, the tool's own one-shot with only the environment it needs, and the standard assertions
 * on the request the mock recorded.
 *
 * Adding a tool is one case file: describe it with a `ToolSpec` and call `realToolSuite(spec)`.
 * That declares the standard cases (Coding Plan, Token Plan, pay-as-you-go with thinking off, and
 * the two negative cases); the file may add tests of its own in the callback. For example:
 *
 *   // test/real/opencode.test.ts
 *   realToolSuite({
 *     tool: 'opencode', label: 'OpenCode', install: 'opencode',
 *     protocol: () => 'chat',                       // or 'messages' for @ai-sdk/anthropic
 *     oneShot: (prompt) => ['run', prompt],
 *     env: () => ({ OPENCODE_DISABLE_MODELS_FETCH: '1' }),
 *     expectThinking: (body, on) => expect(body.enable_thinking).toBe(on),
 *   });
 *
 * The pin (`install`) must be in `PINS` in tools.ts; the globalSetup installs every pin.
 */

import { execa } from 'execa';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { planKeyVar } from '../../src/core/adapters/key-vars.js';
import { getModel, recommendedModel } from '../../src/core/catalog/index.js';
import type { ModelSpec, PlanId, RegionId } from '../../src/core/catalog/index.js';
import { cleanEnv, PAYG_KEY, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { openaiPrefix, startMock, type Family, type MockServer, type RecordedRequest } from './mock-server.js';
import { PINS, type InstalledTool, type ToolKey, type ToolStatus } from './tools.js';

export { PAYG_KEY, PLAN_KEY };

export type Protocol = 'chat' | 'responses' | 'messages';

/** Where the tool's config points at run time (the mock's stand-in for the plan's hosts). */
export interface RunEndpoints {
  readonly family: Family;
  /** OpenAI-compatible base, e.g. `http://127.0.0.1:P/coding/v1`. */
  readonly openai: string;
  /** Anthropic base as Claude Code wants it: `…/apps/anthropic`. */
  readonly anthropic: string;
}

export interface RealRun {
  readonly spec: ToolSpec;
  readonly tool: InstalledTool;
  readonly mock: MockServer;
  readonly home: string;
  /** The folder the tool runs in: empty, inside the temp home, so nothing of the repo leaks in. */
  readonly cwd: string;
}

export interface SetupResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The `--json` document. */
  readonly json: {
    ok: boolean;
    changes?: { tool: string; path: string; action: string }[];
    findings?: { code: string; severity: string }[];
    error?: { message: string };
  };
  readonly model: string;
  readonly key: string;
  /** Where the written config points (before any hand edit). */
  readonly endpoints: RunEndpoints;
}

export interface ToolResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly seconds: number;
}

export interface ToolSpec {
  /** The id tp-setup's `--tools` takes. */
  readonly tool: string;
  readonly label: string;
  /** The cache pin that provides the command. */
  readonly install: ToolKey;
  /** The wire protocol the tool uses with the config tp-setup writes for this plan. */
  protocol(plan: PlanId): Protocol;
  /**
   * The one header that carries the key. Default `Authorization: Bearer`; the Anthropic AI SDK
   * (OpenCode / Kilo on Coding Plan, Alibaba's own recipe) sends `x-api-key`, which Coding Plan
   * accepts and Token Plan does not.
   */
  credential?(plan: PlanId): 'bearer' | 'x-api-key';
  /** The headless one-shot, arguments after the command. */
  oneShot(prompt: string): readonly string[];
  /** Offline switches and other test-only variables (docs/README.md#offline-testing), beyond PATH/HOME/LANG. */
  env?(endpoints: RunEndpoints): Record<string, string>;
  /** Test setup after tp-setup wrote the config and before the tool runs. */
  prepare?(run: RealRun): Promise<void>;
  /** The tool's own checks of the written config (after `prepare`), for positive cases. */
  verify?(run: RealRun, setup: SetupResult): Promise<void>;
  /** Assert on the thinking fields of one recorded body. */
  expectThinking(body: Record<string, unknown>, on: boolean, model: ModelSpec): void;
  /** More assertions on a successful request body. */
  expectBody?(body: Record<string, unknown>, model: ModelSpec): void;
  /** The tool reads its key only from an exported variable (Codex): export the plan's variable. */
  readonly exportsKey?: boolean;
  /** Wall-clock cap for one tool run. Default 120 s. */
  readonly timeoutMs?: number;
  /** The positive cases; default `STANDARD_CASES`. */
  readonly cases?: readonly RealCase[];
  /**
   * Declare the two negative cases (a pay-as-you-go key on Token Plan; a plan key hand-edited onto
   * the pay-as-you-go host). Default true; false for a second spec of the same tool, e.g. an older
   * pin kept only for one plan (Codex 0.80.0 for Coding Plan's Chat Completions).
   */
  readonly negatives?: boolean;
}

export interface RealCase {
  readonly name: string;
  readonly plan: PlanId;
  readonly region: RegionId;
  /** Default: the plan's recommended model. */
  readonly model?: string;
  readonly thinking: boolean;
}

export const STANDARD_CASES: readonly RealCase[] = [
  { name: 'Coding Plan (intl), recommended model, thinking on', plan: 'coding', region: 'intl', thinking: true },
  { name: 'Token Plan Team (cn), glm-5, thinking on', plan: 'token-team', region: 'cn', model: 'glm-5', thinking: true },
  { name: 'pay-as-you-go (intl), thinking off', plan: 'payg', region: 'intl', thinking: false },
];

export const PROMPT = 'Reply with the single word OK.';

const FAMILY_OF: Readonly<Record<PlanId, Family>> = { coding: 'coding', 'token-personal': 'token-plan', 'token-team': 'token-plan', payg: 'payg' };

export function familyOf(plan: PlanId): Family {
  return FAMILY_OF[plan];
}

export function endpointsOf(mock: MockServer, family: Family): RunEndpoints {
  const base = mock.baseUrl(family);
  return { family, openai: `${base}${openaiPrefix(family)}`, anthropic: `${base}/apps/anthropic` };
}

/** The path (no query) a request of this protocol must arrive at. */
export function expectedPath(family: Family, protocol: Protocol): string {
  if (protocol === 'messages') return `/${family}/apps/anthropic/v1/messages`;
  return `/${family}${openaiPrefix(family)}/${protocol === 'chat' ? 'chat/completions' : 'responses'}`;
}

export function toolStatus(key: ToolKey): ToolStatus {
  const all = inject('realTools') as Partial<Record<ToolKey, ToolStatus>> | undefined;
  const found = all?.[key];
  if (found) return found;
  const selection = inject('realToolsSelection') as string | undefined;
  return {
    ok: null,
    error: selection ? `not selected (TP_SETUP_REAL_TOOLS=${selection})` : 'not installed: run through the "real" vitest project (npm test or npm run test:real), whose globalSetup installs the tools',
  };
}

/** What the user's shell exports for a tool that reads its key only from the environment. */
export function exportedKey(spec: ToolSpec, plan: PlanId, key: string): Record<string, string> {
  return spec.exportsKey ? { [planKeyVar(plan)]: key } : {};
}

/** Keep temp homes for a look after a run: TP_SETUP_REAL_KEEP=1. */
const KEEP = process.env.TP_SETUP_REAL_KEEP === '1';

// ---------------------------------------------------------------------------------------------
// Running things
// ---------------------------------------------------------------------------------------------

/** Headless tp-setup against the mock, with the tool's commands on PATH (OpenClaw's version probe). */
export async function runSetup(
  run: RealRun,
  opts: { plan: PlanId; region: RegionId; model?: string; thinking: boolean; key: string; family?: Family },
): Promise<SetupResult> {
  const model = opts.model ?? recommendedModel(opts.plan, opts.region);
  const family = opts.family ?? familyOf(opts.plan);
  const args = [
    'setup', '--plan', opts.plan, '--region', opts.region, '--tools', run.spec.tool, '--model', model,
    '--thinking', opts.thinking ? 'on' : 'off', '--yes', '--key-env', 'TP_REAL_KEY', '--home', run.home,
    '--base-url', run.mock.baseUrl(family), '--json',
  ];
  const env = cleanEnv(run.home, { TP_REAL_KEY: opts.key, PATH: [...run.tool.pathDirs, process.env.PATH ?? ''].join(path.delimiter) });
  const r = await runCli(args, { env });
  let json: SetupResult['json'];
  try {
    json = JSON.parse(r.stdout) as SetupResult['json'];
  } catch {
    throw new Error(`tp-setup printed no JSON (exit ${r.exitCode}):\n${r.stdout}\n${r.stderr}`);
  }
  return { ...r, json, model, key: opts.key, endpoints: endpointsOf(run.mock, family) };
}

/**
 * The tool's own command with HOME at the temp home and nothing of the developer's environment
 * (no ANTHROPIC_API_KEY, no proxies, no tokens). It runs in its own process group, which is killed
 * whole when the time is up, and swept after a normal exit too, so nothing it starts lives on.
 */
export async function runTool(run: RealRun, args: readonly string[], endpoints: RunEndpoints, extraEnv: Record<string, string> = {}): Promise<ToolResult> {
  const env: Record<string, string> = {
    PATH: [...run.tool.pathDirs, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
    HOME: run.home,
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    TMPDIR: path.join(run.home, 'tmp'),
    ...run.spec.env?.(endpoints),
    ...extraEnv,
  };
  await mkdir(env.TMPDIR!, { recursive: true });
  const timeoutMs = run.spec.timeoutMs ?? 120_000;
  const started = Date.now();
  const child = execa(run.tool.bin, args, {
    cwd: run.cwd,
    env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    detached: true,
    // Our own timer kills the whole group; this is the backstop for the direct child.
    timeout: timeoutMs + 10_000,
    killSignal: 'SIGKILL',
  });
  const killGroup = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, timeoutMs);
  const r = await child;
  clearTimeout(timer);
  killGroup();
  return {
    exitCode: r.exitCode ?? null,
    stdout: String(r.stdout ?? ''),
    stderr: String(r.stderr ?? ''),
    timedOut: timedOut || r.timedOut === true,
    seconds: (Date.now() - started) / 1000,
  };
}

/** A failure message with what a person needs to see: the tool's output and what the mock got. */
export function explain(result: ToolResult, mock: MockServer): string {
  const clip = (s: string): string => (s.length > 3000 ? `…${s.slice(-3000)}` : s);
  const reqs = mock.requests.map((q) => `  #${q.n} ${q.method} ${q.url} → ${q.status} ${q.outcome}${q.errorMessage ? ` (${q.errorMessage})` : ''}`);
  return [
    `exit ${result.exitCode}${result.timedOut ? ' (timed out)' : ''} after ${result.seconds.toFixed(1)} s`,
    `stdout:\n${clip(result.stdout)}`,
    `stderr:\n${clip(result.stderr)}`,
    `mock requests:\n${reqs.join('\n') || '  (none)'}`,
  ].join('\n');
}

/** Replace text in every file tp-setup wrote for the tool (a user's hand edit); returns how many changed. */
export async function handEdit(setup: SetupResult, from: string, to: string): Promise<number> {
  let changed = 0;
  for (const c of setup.json.changes ?? []) {
    // A file setup only read (a tool's .env it had no reason to create) may not exist.
    const text = await readFile(c.path, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
    if (!text.includes(from)) continue;
    await writeFile(c.path, text.split(from).join(to));
    changed++;
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------

function asBody(req: RecordedRequest): Record<string, unknown> {
  expect(req.body, `request #${req.n} has a JSON object body`).toBeTypeOf('object');
  return req.body as Record<string, unknown>;
}

/**
 * Exactly one header carries the key: `Authorization: Bearer <key>` (no `x-api-key`, which Token
 * Plan rejects, docs/plans.md#auth-header), or for the Anthropic AI SDK on Coding Plan `x-api-key` alone.
 */
export function expectOneCredential(req: RecordedRequest, key: string, kind: 'bearer' | 'x-api-key' = 'bearer'): void {
  const carrier = kind === 'bearer' ? 'authorization' : 'x-api-key';
  if (kind === 'bearer') expect(req.headers.authorization, `request #${req.n} Authorization`).toBe(`Bearer ${key}`);
  else expect(req.headers['x-api-key'], `request #${req.n} x-api-key`).toBe(key);
  const others = Object.entries(req.headers).filter(([name, v]) => name !== carrier && String(v).includes(key));
  expect(others.map(([name]) => name), `request #${req.n}: no second header carries the key`).toEqual([]);
  if (kind === 'bearer') expect(req.headers['x-api-key'], `request #${req.n} must not send x-api-key`).toBeUndefined();
  else expect(req.headers.authorization, `request #${req.n} must not send a second credential`).toBeUndefined();
}

/** Kept for the tools whose only credential is a Bearer token. */
export function expectOneBearer(req: RecordedRequest, key: string): void {
  expectOneCredential(req, key, 'bearer');
}

/** Every model request went to the right path with one Bearer key, the model id and the thinking fields. */
export function expectRequests(
  run: RealRun,
  opts: { family: Family; protocol: Protocol; key: string; model: string; thinking: boolean; credential?: 'bearer' | 'x-api-key' },
): RecordedRequest[] {
  const reqs = run.mock.modelRequests();
  expect(reqs.length, 'at least one model request reached the mock').toBeGreaterThan(0);
  const spec = getModel(opts.model);
  expect(spec, `${opts.model} is in the catalog`).toBeDefined();
  for (const req of reqs) {
    expect(req.path, `request #${req.n} path`).toBe(expectedPath(opts.family, opts.protocol));
    const extra = Object.keys(req.query).filter((k) => !(opts.protocol === 'messages' && k === 'beta'));
    expect(extra, `request #${req.n}: no query besides Anthropic's beta=true`).toEqual([]);
    expect(req.status, `request #${req.n} answered 200 (${req.errorMessage ?? ''})`).toBe(200);
    expectOneCredential(req, opts.key, opts.credential);
    const body = asBody(req);
    expect(body.model, `request #${req.n} model`).toBe(opts.model);
    expect(body.stream, `request #${req.n} streams`).toBe(true);
    run.spec.expectThinking(body, opts.thinking, spec!);
    run.spec.expectBody?.(body, spec!);
  }
  return reqs;
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/** Declare per-test setup (temp home, mock) and hand each test a `RealRun`. */
export function withRealRun(spec: ToolSpec, tool: InstalledTool): () => RealRun {
  let current: RealRun | null = null;
  beforeEach(async () => {
    const home = await tempHome(`tp-real-${spec.tool}-`);
    const cwd = path.join(home, 'work');
    await mkdir(cwd, { recursive: true });
    const mock = await startMock({ maxRequests: 100, lifetimeMs: 10 * 60_000 });
    current = { spec, tool, mock, home, cwd };
  });
  afterEach(async () => {
    if (!current) return;
    await current.mock.close();
    if (KEEP) process.stdout.write(`kept ${current.home}\n`);
    else await rm(current.home, { recursive: true, force: true, maxRetries: 3 });
    current = null;
  });
  return () => {
    if (!current) throw new Error('withRealRun: used outside a test');
    return current;
  };
}

/**
 * The standard real-tool tests for one tool. When the tool cannot run here the suite still shows
 * one skipped test whose name carries the install error, and says so on stderr.
 */
export function realToolSuite(spec: ToolSpec, more?: (get: () => RealRun) => void): void {
  const status = toolStatus(spec.install);
  const pin = PINS[spec.install];
  describe(`${spec.label} — real ${pin.pkg}@${pin.version} against the mock`, () => {
    if (!status.ok) {
      process.stderr.write(`\n[real tools] SKIPPING ${spec.label}: ${status.error}\n`);
      it.skip(`${spec.label} cannot run here: ${status.error}`, () => undefined);
      return;
    }
    const get = withRealRun(spec, status.ok);

    for (const c of spec.cases ?? STANDARD_CASES) {
      it(c.name, async () => {
        const run = get();
        const family = familyOf(c.plan);
        const key = c.plan === 'payg' ? PAYG_KEY : PLAN_KEY;
        const setup = await runSetup(run, { plan: c.plan, region: c.region, model: c.model, thinking: c.thinking, key });
        expect(setup.exitCode, `tp-setup: ${setup.stdout}${setup.stderr}`).toBe(0);
        expect(setup.json.ok).toBe(true);
        await spec.prepare?.(run);
        await spec.verify?.(run, setup);
        const result = await runTool(run, spec.oneShot(PROMPT), setup.endpoints, exportedKey(spec, c.plan, key));
        expect(result.exitCode, explain(result, run.mock)).toBe(0);
        expect(result.stdout, explain(result, run.mock)).toContain(run.mock.reply);
        expectRequests(run, { family, protocol: spec.protocol(c.plan), key, model: setup.model, thinking: c.thinking, credential: spec.credential?.(c.plan) ?? 'bearer' });
      });
    }

    if (spec.negatives === false) {
      more?.(get);
      return;
    }

    it('Token Plan (intl) with a pay-as-you-go sk- key: tp-setup only warns; the tool shows the 401', async () => {
      const run = get();
      const setup = await runSetup(run, { plan: 'token-personal', region: 'intl', thinking: true, key: PAYG_KEY });
      // The international Token Plan key format is not stated (docs/plans.md#contradictions, item 1), so this is a warning.
      expect(setup.exitCode, `tp-setup: ${setup.stdout}${setup.stderr}`).toBe(0);
      expect(setup.json.findings).toContainEqual(expect.objectContaining({ code: 'KEY_WRONG_KIND', severity: 'warning' }));
      await spec.prepare?.(run);
      const result = await runTool(run, spec.oneShot(PROMPT), endpointsOf(run.mock, 'token-plan'), exportedKey(spec, 'token-personal', PAYG_KEY));
      const reqs = run.mock.modelRequests();
      expect(reqs.length, explain(result, run.mock)).toBeGreaterThan(0);
      expect(reqs[0]!.outcome, explain(result, run.mock)).toBe('payg-key-on-token-plan');
      expect(reqs[0]!.status).toBe(401);
      expect(`${result.stdout}\n${result.stderr}`, explain(result, run.mock)).toContain('Invalid API-key provided.');
      expect(result.stdout).not.toContain(run.mock.reply);
      expect(result.timedOut, explain(result, run.mock)).toBe(false);
    });

    it('config hand-edited to send the plan key to the pay-as-you-go host: the tool shows the documented error', async () => {
      const run = get();
      const setup = await runSetup(run, { plan: 'token-team', region: 'cn', thinking: true, key: PLAN_KEY });
      expect(setup.exitCode, `tp-setup: ${setup.stdout}${setup.stderr}`).toBe(0);
      // Token Plan and pay-as-you-go share their paths, so only the host (here: the prefix) changes.
      expect(await handEdit(setup, `${run.mock.origin}/token-plan/`, `${run.mock.origin}/payg/`)).toBeGreaterThan(0);
      await spec.prepare?.(run);
      const result = await runTool(run, spec.oneShot(PROMPT), endpointsOf(run.mock, 'payg'), exportedKey(spec, 'token-team', PLAN_KEY));
      const reqs = run.mock.modelRequests();
      expect(reqs.length, explain(result, run.mock)).toBeGreaterThan(0);
      expect(reqs[0]!.path, explain(result, run.mock)).toBe(expectedPath('payg', spec.protocol('token-team')));
      expect(reqs[0]!.outcome, explain(result, run.mock)).toBe('plan-key-on-payg');
      expect(`${result.stdout}\n${result.stderr}`, explain(result, run.mock)).toContain('Incorrect API key provided.');
      expect(result.stdout).not.toContain(run.mock.reply);
      expect(result.timedOut, explain(result, run.mock)).toBe(false);
    });

    more?.(get);
  });
}
