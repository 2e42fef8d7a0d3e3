/**
 * Claude Code's context window: tp-setup writes `env.CLAUDE_CODE_MAX_CONTEXT_TOKENS` (the primary
 * model's catalog window) so Claude Code neither assumes 1,000,000 tokens nor warns about it at
 * each start, keeps it in step on re-runs, and the doctor reports a value above the model's window
 * (docs/tools/claude-code.md#context-window). The real binary's side is in
 * test/real/claude-code.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/adapters/index.js';
import { getModel, modelsFor, planIds, regionIdsFor } from '../../src/core/catalog/index.js';
import type { ToolContext } from '../../src/core/context.js';
import { examineAll } from '../../src/core/doctor/run.js';
import { explainText } from '../../src/core/explain/match.js';
import type { Finding } from '../../src/core/findings.js';
import { planChanges } from '../../src/core/planner.js';
import { planRepairs } from '../../src/core/usecases/clean.js';

const KEY = 'sk-sp-test-0000-1111-2222-abcd';
const VAR = 'CLAUDE_CODE_MAX_CONTEXT_TOKENS';
const SETTINGS = '/h/.claude/settings.json';
const STATE = '/h/.claude.json';
const templates = { 'claude-settings.json': '{\n}\n', 'claude-state.json': '{\n}\n' };
const ctx = (env: Record<string, string> = {}): ToolContext => ({ home: '/h', env, platform: 'linux', versions: {} });
const answers = (over: Partial<Answers> = {}): Answers => ({ plan: 'token-team', region: 'cn', tools: ['claude-code'], models: ['glm-5'], thinking: true, ...over });

function setup(over: Partial<Answers> = {}, settings?: string) {
  const plan = planChanges({ answers: answers(over), key: KEY, ctx: ctx(), texts: settings === undefined ? {} : { [SETTINGS]: settings }, templates });
  const file = plan.files.find((f) => f.path === SETTINGS)!;
  return { file, env: JSON.parse(file.after).env as Record<string, string> };
}

function doctor(env: Record<string, string>, shell: Record<string, string> = {}): Finding[] {
  const texts = { [SETTINGS]: JSON.stringify({ env }, null, 2), [STATE]: '{ "hasCompletedOnboarding": true }' };
  return examineAll({ ctx: ctx(shell), tools: ['claude-code'], texts, modes: {}, subdirs: {}, installed: {}, recorded: {} }).findings;
}

const tooLarge = (findings: readonly Finding[]) => findings.filter((f) => f.code === 'CONTEXT_TOO_LARGE');

/** What tp-setup writes for glm-5 on Token Plan (cn), as the user's file holds it afterwards. */
const written = () => setup().file.after;

describe('setup writes CLAUDE_CODE_MAX_CONTEXT_TOKENS', () => {
  it('as the primary model’s catalog window, for every model a plan serves on the Anthropic endpoint', () => {
    let checked = 0;
    for (const plan of planIds) {
      for (const region of regionIdsFor(plan)) {
        for (const m of modelsFor(plan, region).filter((x) => x.anthropic)) {
          expect(setup({ plan, region, models: [m.id] }).env[VAR], `${plan}/${region}/${m.id}`).toBe(String(m.contextWindow));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('glm-5: 202752, a string (Claude Code reads env values as strings), not the 1m Claude Code assumes', () => {
    expect(getModel('glm-5')!.contextWindow).toBe(202_752);
    expect(setup().env[VAR]).toBe('202752');
  });

  it('takes the primary model’s window when several models are chosen', () => {
    expect(setup({ models: ['glm-5', 'qwen3.6-plus'] }).env[VAR]).toBe('202752');
    expect(setup({ models: ['qwen3.6-plus', 'glm-5'] }).env[VAR]).toBe('1000000');
  });

  it('a second run with the same answers changes nothing', () => {
    const again = setup({}, written());
    expect(again.file.action).toBe('unchanged');
    expect(again.file.edits).toEqual([]);
  });

  it('follows a rotation to another listed model', () => {
    const rotated = setup({ models: ['qwen3.6-plus'] }, written());
    expect(rotated.env[VAR]).toBe('1000000');
    expect(rotated.env.ANTHROPIC_MODEL).toBe('qwen3.6-plus');
    const back = setup({}, rotated.file.after);
    expect(back.env[VAR]).toBe('202752');
  });

  it('corrects a hand-edited value for a listed model', () => {
    const edited = written().replace('"202752"', '"999999"');
    expect(setup({}, edited).env[VAR]).toBe('202752');
  });
});

describe('an unlisted model id (not in the catalog)', () => {
  const UNLISTED = 'my-gateway-model';

  it('gets no CLAUDE_CODE_MAX_CONTEXT_TOKENS, and the other keys are still written', () => {
    expect(getModel(UNLISTED)).toBeUndefined();
    const env = setup({ models: [UNLISTED] }).env;
    expect(env).not.toHaveProperty(VAR);
    expect(env.ANTHROPIC_MODEL).toBe(UNLISTED);
    expect(env.ANTHROPIC_AUTH_TOKEN).toBe(KEY);
  });

  it('rotating to it removes the window tp-setup wrote for the previous model, and nothing else', () => {
    const after = setup({ models: [UNLISTED] }, written());
    expect(after.env).not.toHaveProperty(VAR);
    const mine = after.file.edits.filter((e) => e.path.includes(VAR));
    expect(mine.map((e) => e.op)).toEqual(['delete']);
    // Every other edit is the one the same run makes on a file that never had the variable.
    const without = JSON.parse(written());
    delete without.env[VAR];
    const baseline = setup({ models: [UNLISTED] }, JSON.stringify(without, null, 4));
    expect(after.file.edits.filter((e) => !e.path.includes(VAR))).toEqual(baseline.file.edits);
  });

  it('keeps a value the user set for it', () => {
    const own = JSON.stringify({ env: { ANTHROPIC_MODEL: UNLISTED, [VAR]: '65536', DISABLE_TELEMETRY: '1' } }, null, 2);
    const after = setup({ models: [UNLISTED] }, own);
    expect(after.env[VAR]).toBe('65536');
    expect(after.env.DISABLE_TELEMETRY).toBe('1');
    expect(after.file.edits.some((e) => e.path.includes(VAR))).toBe(false);
  });

  it('keeps a user value that is not the previous listed model’s window', () => {
    const own = written().replace('"202752"', '"131072"');
    expect(setup({ models: [UNLISTED] }, own).env[VAR]).toBe('131072');
  });
});

describe('doctor reads CLAUDE_CODE_MAX_CONTEXT_TOKENS as the model’s context', () => {
  const base = () => JSON.parse(written()).env as Record<string, string>;

  it('what setup wrote is clean', () => {
    expect(tooLarge(doctor(base()))).toEqual([]);
  });

  it('a value above the catalog window is CONTEXT_TOO_LARGE, with a repair that writes the window back as a string', () => {
    const found = tooLarge(doctor({ ...base(), [VAR]: '1000000' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      tool: 'claude-code',
      file: SETTINGS,
      params: { model: 'glm-5', value: 1_000_000, limit: 202_752 },
      repair: { file: SETTINGS, format: 'json', edits: [{ op: 'set', path: ['env', VAR], value: '202752' }] },
    });
  });

  it('doctor --fix applies that repair and the finding is gone', () => {
    const env = { ...base(), [VAR]: '5000000' };
    const found = tooLarge(doctor(env));
    expect(found).toHaveLength(1);
    const { writes } = planRepairs(found, { [SETTINGS]: JSON.stringify({ env }, null, 2) });
    const fixed = JSON.parse(writes[0]!.after!).env as Record<string, string>;
    expect(fixed[VAR]).toBe('202752');
    expect({ ...fixed, [VAR]: undefined }).toEqual({ ...env, [VAR]: undefined });
    expect(tooLarge(doctor(fixed))).toEqual([]);
  });

  it('a value at or below the window, or not a positive number, is not flagged', () => {
    for (const v of ['202752', '100000', '0', '-1', 'lots', '']) expect(tooLarge(doctor({ ...base(), [VAR]: v })), v).toEqual([]);
  });

  it('an exported value counts too when the file has none (the file would win)', () => {
    const env = base();
    delete env[VAR];
    expect(tooLarge(doctor(env))).toEqual([]);
    expect(tooLarge(doctor(env, { [VAR]: '1000000' }))).toHaveLength(1);
  });

  it('is not checked for an unlisted id or a claude- id (Claude Code ignores it for those)', () => {
    const pins = (id: string) => ({ ANTHROPIC_MODEL: id, ANTHROPIC_DEFAULT_HAIKU_MODEL: id, ANTHROPIC_DEFAULT_SONNET_MODEL: id, ANTHROPIC_DEFAULT_OPUS_MODEL: id });
    expect(tooLarge(doctor({ ...base(), ...pins('my-gateway-model'), [VAR]: '9000000' }))).toEqual([]);
    expect(tooLarge(doctor({ ...base(), ...pins('claude-sonnet-4-5'), [VAR]: '9000000' }))).toEqual([]);
  });

  it('with two pinned models only the smaller window carries the repair, so the fixes never disagree', () => {
    const env = { ...base(), ANTHROPIC_DEFAULT_HAIKU_MODEL: 'qwen3.6-plus', [VAR]: '2000000' };
    const found = tooLarge(doctor(env));
    expect(found.map((f) => f.params?.model).sort()).toEqual(['glm-5', 'qwen3.6-plus']);
    const repaired = found.filter((f) => f.repair);
    expect(repaired.map((f) => f.params?.model)).toEqual(['glm-5']);
    const { writes } = planRepairs(found, { [SETTINGS]: JSON.stringify({ env }, null, 2) });
    const fixed = JSON.parse(writes[0]!.after!).env as Record<string, string>;
    expect(fixed[VAR]).toBe('202752');
    expect(tooLarge(doctor(fixed))).toEqual([]);
  });
});

describe('explain: the warning Claude Code prints without the variable', () => {
  // Printed on stderr by `claude -p` 2.1.330 and 2.1.332 (docs/tools/claude-code.md#context-window).
  const TEXT =
    'Claude Code doesn\'t recognize the model "glm-5", so it assumes a context window of 1m tokens. Update Claude Code, or see https://code.claude.com/docs/en/model-config#correct-the-window-for-a-gateway-or-custom-model-id to set the window.';

  it('is matched and its fix is to re-run tp-setup, which writes CLAUDE_CODE_MAX_CONTEXT_TOKENS (en and zh-CN)', () => {
    const entry = explainText(TEXT).entries[0]!;
    expect(entry.id).toBe('CLAUDE_MODEL_NOT_RECOGNIZED');
    const fixes = entry.fixes.map((f) => [f.en, f['zh-CN']]);
    expect(fixes.some(([en, zh]) => /re-run tp-setup/i.test(en!) && en!.includes(VAR) && zh!.includes('tp-setup') && zh!.includes(VAR))).toBe(true);
    expect(entry.causes.some((c) => c.text.en.includes(VAR) && c.text['zh-CN'].includes(VAR))).toBe(true);
  });
});
