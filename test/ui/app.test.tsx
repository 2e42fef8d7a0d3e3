import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { finding } from '../../src/core/findings.js';
import { maskKey } from '../../src/core/keys.js';
import type { Manifest } from '../../src/effects/runs.js';
import { translator, type Translate } from '../../src/i18n/index.js';
import { App } from '../../src/ui/app.js';
import type { Detection } from '../../src/ui/detect.js';
import { initQuestions, toAnswers, type QuestionState } from '../../src/ui/questions-reducer.js';
import { BackSignal, CancelSignal, WizardStore, type Review } from '../../src/ui/store.js';
import { PLAN_KEY } from '../helpers/cli.js';
import { KEY, press, sleep, track, waitForFrame, waitUntil } from './ink-helpers.js';

const en = translator('en');

afterEach(() => {
  cleanup();
});

function mount(t: Translate = en) {
  const store = new WizardStore();
  const r = render(<App store={store} t={t} showPath={(p) => p.replace(/^\/home\/u/, '~')} />);
  return { store, ...r };
}

async function settled<T>(p: ReturnType<typeof track<T>>, what: string): Promise<void> {
  await waitUntil(() => p.settled, 3000, what);
}

const questionsScreen = (initial: QuestionState, canLeave = false) => ({ kind: 'questions', initial, canLeave, env: {}, installed: {} }) as const;

describe('App', () => {
  it('shows a confirm question; y resolves the ask with true and clears the screen', async () => {
    const { store, lastFrame, stdin } = mount();
    const answer = track(store.ask<boolean>({ kind: 'confirm', message: 'Go on?', defaultYes: false }));
    const frame = await waitForFrame(lastFrame, '? Go on?');
    expect(frame).toContain(en('wizard.hint.confirmNo'));
    await press(stdin, 'y');
    await settled(answer, 'the answer');
    expect(answer.value).toBe(true);
    await waitForFrame(lastFrame, (f) => !f.includes('Go on?'));
    expect(store.getState().screen).toBeNull();
  });

  it('Enter takes the default of the confirm', async () => {
    const { store, lastFrame, stdin } = mount();
    const answer = track(store.ask<boolean>({ kind: 'confirm', message: 'Go on?', defaultYes: false }));
    await waitForFrame(lastFrame, '? Go on?');
    await press(stdin, KEY.enter);
    await settled(answer, 'the answer');
    expect(answer.value).toBe(false);
  });

  it('Ctrl+C rejects the waiting question with CancelSignal, and later questions too', async () => {
    const { store, lastFrame, stdin } = mount();
    const answer = track(store.ask<boolean>({ kind: 'confirm', message: 'Go on?', defaultYes: true }));
    await waitForFrame(lastFrame, '? Go on?');
    await press(stdin, KEY.ctrlC);
    await settled(answer, 'the cancel');
    expect(answer.error).toBeInstanceOf(CancelSignal);
    expect(store.getState().cancelRequested).toBe(true);
    await expect(store.ask({ kind: 'confirm', message: 'Again?', defaultYes: true })).rejects.toBeInstanceOf(CancelSignal);
    expect(lastFrame()).not.toContain(en('wizard.finishing'));
  });

  it('Ctrl+C during apply waits for the run: nothing is rejected and the finishing message shows', async () => {
    const { store, lastFrame, stdin } = mount();
    store.setApplying(true);
    const answer = track(store.ask<boolean>({ kind: 'confirm', message: 'Restart the gateway?', defaultYes: true }));
    await waitForFrame(lastFrame, '? Restart the gateway?');
    await press(stdin, KEY.ctrlC);
    await waitForFrame(lastFrame, en('wizard.finishing'));
    await sleep(50);
    expect(answer.settled).toBe(false);
    expect(store.getState().cancelRequested).toBe(true);
    // The run finishes its question normally.
    await press(stdin, 'n');
    await settled(answer, 'the answer');
    expect(answer.value).toBe(false);
    store.setApplying(false);
    await waitForFrame(lastFrame, (f) => !f.includes(en('wizard.finishing')));
  });

  it('printed blocks stay on screen, in order, above each new question', async () => {
    const { store, lastFrame, stdin } = mount();
    store.print('title', en('wizard.title'));
    store.print('progress', 'wrote ~/.codex/config.toml\n\n');
    store.print('text', '');
    store.print('note', 'a note');
    const first = track(store.ask<boolean>({ kind: 'confirm', message: 'First?', defaultYes: true }));
    let frame = await waitForFrame(lastFrame, 'First?');
    const order = [en('wizard.title'), 'wrote ~/.codex/config.toml', 'a note', '? First?'].map((s) => frame.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Empty text prints nothing; trailing blank lines are dropped.
    expect(store.getState().blocks.map((b) => b.text)).toEqual([en('wizard.title'), 'wrote ~/.codex/config.toml', 'a note']);
    await press(stdin, 'y');
    await settled(first, 'first answer');
    store.print('error', 'something failed');
    const second = track(store.ask<boolean>({ kind: 'confirm', message: 'Second?', defaultYes: true }));
    frame = await waitForFrame(lastFrame, 'Second?');
    expect(frame).toContain('a note');
    expect(frame).toContain('something failed');
    expect(frame).not.toContain('First?');
    store.done();
    frame = await waitForFrame(lastFrame, (f) => !f.includes('Second?'));
    expect(frame).toContain('something failed');
    expect(second.settled).toBe(false);
  });

  it('the review: the masked diff above it, the files, y writes and Esc goes back', async () => {
    const { store, lastFrame, frames, stdin } = mount();
    const diff = ['--- ~/.claude/settings.json', '+++ ~/.claude/settings.json', '@@ -1,2 +1,3 @@', ' {', `+  "ANTHROPIC_AUTH_TOKEN": "${maskKey(PLAN_KEY)}",`, '-  "model": "old"', ' }'].join('\n');
    store.print('diff', `${en('wizard.review.diff')}\n${diff}`);
    const review: Review = {
      header: { plan: 'Coding Plan', region: 'China (Beijing)', model: 'qwen3.5-plus' },
      changes: [{ tool: 'claude-code', path: '/home/u/.claude/settings.json', action: 'update', backup: 'x' }],
      diffs: [diff],
      caches: [{ kind: 'move', file: '/home/u/.openclaw/agents/main/agent/models.json', finding: finding('OPENCLAW_STALE_CACHE', 'warning') }],
    };
    const back = track(store.ask<boolean>({ kind: 'review', review }));
    const frame = await waitForFrame(lastFrame, en('wizard.review.question'));
    for (const line of diff.split('\n')) expect(frame).toContain(line);
    expect(frame.indexOf(en('wizard.review.diff'))).toBeLessThan(frame.indexOf(en('wizard.review.title')));
    expect(frame).toContain('  update ~/.claude/settings.json · backed up first');
    expect(frame).toContain('  ~/.openclaw/agents/main/agent/models.json');
    await press(stdin, KEY.esc);
    await settled(back, 'back');
    expect(back.error).toBeInstanceOf(BackSignal);

    const yes = track(store.ask<boolean>({ kind: 'review', review }));
    await waitForFrame(lastFrame, en('wizard.review.question'));
    await press(stdin, 'y');
    await settled(yes, 'yes');
    expect(yes.value).toBe(true);
    for (const f of frames) expect(f).not.toContain(PLAN_KEY);
  });

  it('a plain confirm ignores Esc', async () => {
    const { store, lastFrame, stdin } = mount();
    const answer = track(store.ask<boolean>({ kind: 'confirm', message: 'Go on?', defaultYes: true }));
    await waitForFrame(lastFrame, 'Go on?');
    await press(stdin, KEY.esc);
    await sleep(50);
    expect(answer.settled).toBe(false);
    expect(lastFrame()).toContain('Go on?');
  });

  it('the start screen answers with the chosen offer', async () => {
    const { store, lastFrame, stdin } = mount();
    const detection: Detection = { installed: { codex: '0.98.0' }, configured: [], errors: 0, warnings: 0, fixable: 0, caches: [], keys: 1, configuredBefore: false, runs: 0 };
    const choice = track(store.ask<string>({ kind: 'menu', detection, choices: ['onboard', 'rekey', 'quit'] }));
    const frame = await waitForFrame(lastFrame, en('wizard.menu'));
    expect(frame).toContain('Installed: Codex 0.98.0');
    await press(stdin, KEY.down, KEY.enter);
    await settled(choice, 'the choice');
    expect(choice.value).toBe('rekey');
  });

  it('busy shows its label', async () => {
    const { store, lastFrame } = mount();
    store.busy(en('wizard.detecting'));
    await waitForFrame(lastFrame, en('wizard.detecting'));
  });

  it('the questions screen resolves with the finished questions', async () => {
    const { store, lastFrame, stdin } = mount();
    const done = track(store.ask<QuestionState>(questionsScreen(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'], models: ['glm-5'] }, false))));
    await waitForFrame(lastFrame, en('prompt.thinking'));
    await press(stdin, KEY.down, KEY.enter);
    await settled(done, 'the questions');
    expect(toAnswers(done.value!).answers).toEqual({ plan: 'coding', region: 'cn', tools: ['codex'], models: ['glm-5'], thinking: false });
    await waitForFrame(lastFrame, (f) => !f.includes(en('prompt.thinking')));
  });

  it('Esc on the first question goes back where the flow allows it', async () => {
    const { store, lastFrame, stdin } = mount();
    const left = track(store.ask<QuestionState>(questionsScreen(initQuestions({}, true), true)));
    await waitForFrame(lastFrame, en('prompt.plan'));
    await press(stdin, KEY.esc);
    await settled(left, 'leaving');
    expect(left.error).toBeInstanceOf(BackSignal);
  });

  it('Ctrl+C while the key is being typed cancels and the key never shows', async () => {
    const { store, lastFrame, frames, stdin } = mount();
    const q = track(store.ask<QuestionState>(questionsScreen(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'] }, true))));
    await waitForFrame(lastFrame, en('prompt.key'));
    await press(stdin, PLAN_KEY);
    await waitForFrame(lastFrame, '*'.repeat(PLAN_KEY.length));
    await press(stdin, KEY.ctrlC);
    await settled(q, 'the cancel');
    expect(q.error).toBeInstanceOf(CancelSignal);
    for (const f of frames) expect(f).not.toContain(PLAN_KEY);
  });

  it('a second questions screen right after the first starts fresh from its own first step', async () => {
    const { store, lastFrame, stdin } = mount();
    let second: ReturnType<typeof track<QuestionState>> | undefined;
    const first = store.ask<QuestionState>(questionsScreen(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'], models: ['glm-5'] }, false)));
    // The flow asks again as soon as the first answer arrives, before anything else renders.
    void first.then(() => {
      second = track(store.ask<QuestionState>(questionsScreen(initQuestions({}, true))));
    });
    await waitForFrame(lastFrame, en('prompt.thinking'));
    await press(stdin, KEY.enter);
    await waitUntil(() => second !== undefined, 3000, 'the second ask');
    await waitForFrame(lastFrame, en('prompt.plan'));
    await sleep(50);
    expect(second!.settled).toBe(false);
    expect(lastFrame()).toContain(en('prompt.plan'));
  });

  it('the runs screen answers with the run id; Esc goes back', async () => {
    const { store, lastFrame, stdin } = mount();
    const runs = [{ schemaVersion: 1, runId: '20261122T150102Z-3fa9', command: 'setup', createdAt: '2026-11-22T15:01:02.000Z', status: 'complete', files: [] }] as unknown as Manifest[];
    const chosen = track(store.ask<string>({ kind: 'runs', runs }));
    await waitForFrame(lastFrame, en('wizard.runs'));
    await press(stdin, KEY.enter);
    await settled(chosen, 'the run');
    expect(chosen.value).toBe('20261122T150102Z-3fa9');
    const back = track(store.ask<string>({ kind: 'runs', runs }));
    await waitForFrame(lastFrame, en('wizard.runs'));
    await press(stdin, KEY.esc);
    await settled(back, 'back');
    expect(back.error).toBeInstanceOf(BackSignal);
  });

  it('speaks Chinese with the zh-CN catalog', async () => {
    const zh = translator('zh-CN');
    const { store, lastFrame, stdin } = mount(zh);
    const q = track(store.ask<QuestionState>(questionsScreen(initQuestions({}, true))));
    const frame = await waitForFrame(lastFrame, zh('prompt.plan'));
    expect(zh('prompt.plan')).toBe('你购买的是哪种套餐？');
    expect(frame).toContain(zh('wizard.plan.note'));
    expect(frame).not.toContain(en('prompt.plan'));
    await press(stdin, KEY.down, KEY.enter);
    await waitForFrame(lastFrame, zh('prompt.region'));
    expect(lastFrame()).toContain('中国内地（北京）');
    await press(stdin, KEY.ctrlC);
    await settled(q, 'the cancel');

    const { store: s2, lastFrame: f2, stdin: in2 } = mount(zh);
    s2.setApplying(true);
    void s2.ask({ kind: 'confirm', message: zh('prompt.confirm'), defaultYes: true });
    const confirm = await waitForFrame(f2, zh('prompt.confirm'));
    expect(confirm).toContain(zh('wizard.hint.confirmYes'));
    await press(in2, KEY.ctrlC);
    await waitForFrame(f2, zh('wizard.finishing'));
  });
});
