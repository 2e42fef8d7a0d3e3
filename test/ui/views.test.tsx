import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOOL_IDS } from '../../src/core/adapters/index.js';
import type { CleanAction } from '../../src/core/adapters/openclaw/clean-plan.js';
import { finding } from '../../src/core/findings.js';
import { maskKey } from '../../src/core/keys.js';
import type { Manifest } from '../../src/effects/runs.js';
import { translator } from '../../src/i18n/index.js';
import type { Detection, MenuChoice } from '../../src/ui/detect.js';
import { initQuestions, toAnswers, type KeyAnswer, type QuestionState } from '../../src/ui/questions-reducer.js';
import type { Block, Review } from '../../src/ui/store.js';
import { BlockView, wrapDiffLine } from '../../src/ui/views/block-view.js';
import { ConfirmView } from '../../src/ui/views/confirm-view.js';
import { KeyStep } from '../../src/ui/views/key-step.js';
import { MenuView, detectionLines } from '../../src/ui/views/menu-view.js';
import { MultiSelectView } from '../../src/ui/views/multi-select-view.js';
import { QuestionsView } from '../../src/ui/views/questions-view.js';
import { ReviewView } from '../../src/ui/views/review-view.js';
import { RunsView } from '../../src/ui/views/runs-view.js';
import { SelectView, type Choice } from '../../src/ui/views/select-view.js';
import { PAYG_KEY, PLAN_KEY } from '../helpers/cli.js';
import { KEY, press, renderWithColumns, sleep, waitForFrame, waitUntil } from './ink-helpers.js';

const t = translator('en');

afterEach(() => {
  cleanup();
});

/** The row with focus, without the pointer. */
const focusedRow = (frame: string): string | undefined =>
  frame
    .split('\n')
    .find((l) => l.startsWith('❯ '))
    ?.slice(2);

const letters: Choice<string>[] = ['alpha', 'bravo', 'charlie', 'delta'].map((v) => ({ value: v, label: v.toUpperCase() }));

describe('SelectView', () => {
  it('starts on the default and Enter answers it', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<SelectView choices={letters} defaultValue="charlie" onSubmit={onSubmit} />);
    expect(focusedRow(await waitForFrame(lastFrame, '❯'))).toBe('CHARLIE');
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0, 2000, 'onSubmit');
    expect(onSubmit.mock.calls).toEqual([['charlie']]);
  });

  it('starts on the first row without a default, or with one that is not in the list', async () => {
    const a = render(<SelectView choices={letters} onSubmit={() => {}} />);
    expect(focusedRow(await waitForFrame(a.lastFrame, '❯'))).toBe('ALPHA');
    const b = render(<SelectView choices={letters} defaultValue="zulu" onSubmit={() => {}} />);
    expect(focusedRow(await waitForFrame(b.lastFrame, '❯'))).toBe('ALPHA');
  });

  it('moves with the arrows and wraps around both ends', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<SelectView choices={letters} onSubmit={onSubmit} />);
    await waitForFrame(lastFrame, '❯ ALPHA');
    await press(stdin, KEY.up);
    await waitForFrame(lastFrame, '❯ DELTA');
    await press(stdin, KEY.down);
    await waitForFrame(lastFrame, '❯ ALPHA');
    await press(stdin, KEY.down, KEY.down);
    await waitForFrame(lastFrame, '❯ CHARLIE');
    // Moving alone answers nothing.
    expect(onSubmit).not.toHaveBeenCalled();
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit).toHaveBeenCalledWith('charlie');
  });

  it('shows how many rows are above and below the window', async () => {
    const many: Choice<string>[] = Array.from({ length: 10 }, (_, i) => ({ value: `v${i}`, label: `row ${i}` }));
    const { lastFrame, stdin } = render(<SelectView choices={many} onSubmit={() => {}} visible={3} />);
    let frame = await waitForFrame(lastFrame, '↓ 7');
    expect(frame).not.toContain('↑');
    expect(frame).toContain('row 2');
    expect(frame).not.toContain('row 3');
    await press(stdin, KEY.down, KEY.down, KEY.down);
    frame = await waitForFrame(lastFrame, '❯ row 3');
    expect(frame).toContain('↑ 1');
    expect(frame).toContain('↓ 6');
    expect(frame).not.toContain('row 0');
    // Up from the first row wraps to the last: the window follows it to the end.
    await press(stdin, KEY.up, KEY.up, KEY.up, KEY.up);
    frame = await waitForFrame(lastFrame, '❯ row 9');
    expect(frame).toContain('↑ 7');
    expect(frame).not.toContain('↓');
  });

  it('opens with the window on a default far down the list', async () => {
    const many: Choice<string>[] = Array.from({ length: 10 }, (_, i) => ({ value: `v${i}`, label: `row ${i}` }));
    const { lastFrame } = render(<SelectView choices={many} defaultValue="v8" onSubmit={() => {}} visible={3} />);
    const frame = await waitForFrame(lastFrame, '❯ row 8');
    expect(frame).toContain('↑ 6');
    expect(frame).toContain('↓ 1');
  });

  it('shows the description of the focused row only, and hints after labels', async () => {
    const choices: Choice<string>[] = [
      { value: 'a', label: 'First', description: 'About the first.', hint: 'fact one' },
      { value: 'b', label: 'Second', description: 'About the second.' },
      { value: 'c', label: 'Third' },
    ];
    const { lastFrame, stdin } = render(<SelectView choices={choices} onSubmit={() => {}} />);
    let frame = await waitForFrame(lastFrame, 'About the first.');
    expect(frame).toContain('First · fact one');
    expect(frame).not.toContain('About the second.');
    await press(stdin, KEY.down);
    frame = await waitForFrame(lastFrame, 'About the second.');
    expect(frame).not.toContain('About the first.');
    await press(stdin, KEY.down);
    frame = await waitForFrame(lastFrame, '❯ Third');
    expect(frame).not.toContain('About the');
  });

  it('keys that arrive in one chunk are applied in order: down then Enter chooses the second row', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<SelectView choices={letters} onSubmit={onSubmit} />);
    await waitForFrame(lastFrame, '❯ ALPHA');
    await press(stdin, `${KEY.down}${KEY.enter}`);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([['bravo']]);
  });

  it('three downs and an Enter in one chunk, with a wrap', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<SelectView choices={letters.slice(0, 3)} onSubmit={onSubmit} />);
    await waitForFrame(lastFrame, '❯ ALPHA');
    await press(stdin, `${KEY.down}${KEY.down}${KEY.down}${KEY.down}${KEY.enter}`);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([['bravo']]);
  });
});

describe('MultiSelectView', () => {
  const tools: Choice<string>[] = [
    { value: 'a', label: 'Tool A' },
    { value: 'b', label: 'Tool B', hint: 'installed 1.2.3' },
    { value: 'c', label: 'Tool C' },
  ];

  it('shows the defaults ticked with a symbol, not only a colour', async () => {
    const { lastFrame } = render(<MultiSelectView choices={tools} defaultValues={['b']} requiredMessage="Tick one." onSubmit={() => {}} />);
    const frame = await waitForFrame(lastFrame, 'Tool C');
    expect(frame).toContain('❯ ◯ Tool A');
    expect(frame).toContain('  ◉ Tool B · installed 1.2.3');
    expect(frame).toContain('  ◯ Tool C');
  });

  it('Space ticks and unticks the focused row; Enter submits the ticked ones in list order', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<MultiSelectView choices={tools} defaultValues={['b']} requiredMessage="Tick one." onSubmit={onSubmit} />);
    await waitForFrame(lastFrame, 'Tool C');
    await press(stdin, KEY.up, KEY.space);
    await waitForFrame(lastFrame, '❯ ◉ Tool C');
    await press(stdin, KEY.down, KEY.space);
    await waitForFrame(lastFrame, '❯ ◉ Tool A');
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, '❯ ◯ Tool A');
    await press(stdin, KEY.space);
    await waitForFrame(lastFrame, '❯ ◉ Tool A');
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[['a', 'b', 'c']]]);
  });

  it('Enter with nothing ticked says what is missing and does not submit; a tick clears the message', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<MultiSelectView choices={tools} defaultValues={[]} requiredMessage={t('wizard.tools.required')} onSubmit={onSubmit} />);
    await waitForFrame(lastFrame, 'Tool C');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, `✖ ${t('wizard.tools.required')}`);
    await sleep(50);
    expect(onSubmit).not.toHaveBeenCalled();
    await press(stdin, KEY.space);
    const frame = await waitForFrame(lastFrame, '❯ ◉ Tool A');
    expect(frame).not.toContain(t('wizard.tools.required'));
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[['a']]]);
  });

  it('unticking the only default and pressing Enter is refused too', async () => {
    const onSubmit = vi.fn();
    const { lastFrame, stdin } = render(<MultiSelectView choices={tools} defaultValues={['a']} requiredMessage="Tick one." onSubmit={onSubmit} />);
    await waitForFrame(lastFrame, '❯ ◉ Tool A');
    await press(stdin, KEY.space, KEY.enter);
    await waitForFrame(lastFrame, '✖ Tick one.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('scrolls a long list with counts above and below', async () => {
    const many: Choice<string>[] = Array.from({ length: 6 }, (_, i) => ({ value: `v${i}`, label: `tool ${i}` }));
    const { lastFrame, stdin } = render(<MultiSelectView choices={many} defaultValues={['v5']} requiredMessage="x" visible={2} onSubmit={() => {}} />);
    expect(await waitForFrame(lastFrame, '↓ 4')).not.toContain('↑');
    await press(stdin, KEY.up);
    const frame = await waitForFrame(lastFrame, '❯ ◉ tool 5');
    expect(frame).toContain('↑ 4');
    expect(frame).not.toContain('↓');
  });
});

describe('KeyStep', () => {
  const mount = (plan: Parameters<typeof KeyStep>[0]['plan'], env: Record<string, string | undefined> = {}, previous?: KeyAnswer) => {
    const onSubmit = vi.fn();
    const r = render(<KeyStep plan={plan} region="cn" env={env} previous={previous} onSubmit={onSubmit} t={t} />);
    return { ...r, onSubmit };
  };

  it('typing shows stars, never the key, and a valid key submits as typed', async () => {
    const { lastFrame, frames, stdin, onSubmit } = mount('coding');
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, PLAN_KEY);
    const frame = await waitForFrame(lastFrame, '*'.repeat(PLAN_KEY.length));
    expect(frame).not.toMatch(/✖/);
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'typed', value: PLAN_KEY }]]);
    for (const f of frames) {
      expect(f).not.toContain(PLAN_KEY);
      expect(f).not.toContain('test-0000');
    }
  });

  it('a key typed one character at a time is masked at every step', async () => {
    const { lastFrame, frames, stdin } = mount('payg');
    await waitForFrame(lastFrame, t('prompt.key'));
    for (const ch of PAYG_KEY) stdin.write(ch);
    await waitForFrame(lastFrame, '*'.repeat(PAYG_KEY.length));
    expect(frames.some((f) => f.includes('sk-t'))).toBe(false);
    expect(frames.some((f) => /payg-0000/.test(f))).toBe(false);
  });

  it.each([
    ['a Coding Plan key for pay-as-you-go', 'payg', 'sk-sp-', 'This looks like a subscription plan (sk-sp-) key, which Pay-as-you-go does not accept.'],
    ['a ModelScope key', 'coding', 'ms-test-00', 'This looks like a ModelScope (ms-) key, which Coding Plan does not accept.'],
    ['another vendor’s key', 'coding', 'sk-ant-test', "This looks like another vendor's key, which Coding Plan does not accept."],
    ['a pay-as-you-go key for Coding Plan', 'coding', 'sk-test-0', 'This looks like a pay-as-you-go (sk-) key, which Coding Plan does not accept.'],
  ] as const)('%s: the reason shows while typing', async (_name, plan, typed, reason) => {
    const { lastFrame, stdin, onSubmit } = mount(plan);
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, typed);
    await waitForFrame(lastFrame, `✖ ${reason}`);
    await press(stdin, KEY.enter);
    await sleep(50);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toContain(`✖ ${reason}`);
  });

  it('says nothing about the first five characters, and the message goes when the prefix is fixed', async () => {
    const { lastFrame, stdin } = mount('payg');
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, 'sk-sp');
    await waitForFrame(lastFrame, '*****');
    await sleep(30);
    expect(lastFrame()).not.toContain('✖');
    await press(stdin, '-');
    await waitForFrame(lastFrame, '✖ This looks like a subscription plan');
    for (let i = 0; i < 3; i++) await press(stdin, KEY.backspace);
    await waitForFrame(lastFrame, (f) => f.includes('***') && !f.includes('****') && !f.includes('✖'));
  });

  it('Enter with a key that cannot work shows why and stays; a correct key then goes through', async () => {
    const { lastFrame, stdin, onSubmit } = mount('coding');
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, '✖ The key is empty.');
    await press(stdin, 'sk-sp-xxx');
    // A placeholder is not a wrong kind: quiet while typing, refused on Enter.
    await sleep(30);
    expect(lastFrame()).not.toContain('placeholder');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, '✖ The key is a placeholder, not a real key.');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(lastFrame()).toContain(t('prompt.key'));
    for (let i = 0; i < 3; i++) await press(stdin, KEY.backspace);
    await press(stdin, 'test-0000-1111-2222-abcd', KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'typed', value: PLAN_KEY }]]);
  });

  it('a paste that ends in a line break submits the pasted key', async () => {
    const { lastFrame, frames, stdin, onSubmit } = mount('coding');
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, `${PLAN_KEY}\r`);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'typed', value: PLAN_KEY }]]);
    for (const f of frames) expect(f).not.toContain(PLAN_KEY);
  });

  it('arrows and Tab type nothing; Ctrl+U clears what was typed', async () => {
    const { lastFrame, stdin, onSubmit } = mount('coding');
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, 'sk-sp-', KEY.up, KEY.down, '\t');
    await waitForFrame(lastFrame, '******');
    await sleep(30);
    expect(lastFrame()).not.toContain('*******');
    await press(stdin, '\u0015');
    await waitForFrame(lastFrame, (f) => !f.includes('*'));
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, '✖ The key is empty.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each([
    ['a masked key', 'sk-sp-****abcd', 'The key looks damaged (masked).'],
    ['a key split by a space', 'sk-sp-test 0000-1111', 'The key looks damaged (inner-space).'],
    ['a pay-as-you-go workspace key', 'sk-ws-test-0000-1111', 'This looks like a pay-as-you-go workspace (sk-ws-) key, which Coding Plan does not accept.'],
  ] as const)('Enter with %s shows the reason and keeps it on screen', async (_name, typed, reason) => {
    const { lastFrame, stdin, onSubmit } = mount('coding');
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, typed);
    await waitForFrame(lastFrame, '*'.repeat(typed.length));
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, `✖ ${reason}`);
    // Still there after the screen settles: nothing replaces the reason until the next key.
    await sleep(80);
    expect(lastFrame()).toContain(`✖ ${reason}`);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each([
    ['TP_SETUP_API_KEY', 'coding', PLAN_KEY],
    ['BAILIAN_CODING_PLAN_API_KEY', 'coding', PLAN_KEY],
    ['BAILIAN_TOKEN_PLAN_API_KEY', 'token-team', PLAN_KEY],
    ['DASHSCOPE_API_KEY', 'payg', PAYG_KEY],
  ] as const)('offers the valid key in $%s, masked; choosing it submits it as from the environment', async (name, plan, value) => {
    const { lastFrame, frames, stdin, onSubmit } = mount(plan, { [name]: value });
    const frame = await waitForFrame(lastFrame, t('wizard.key.source'));
    expect(focusedRow(frame)).toBe(`Use the key in $${name} (${maskKey(value)})`);
    expect(maskKey(value)).toMatch(/…/);
    expect(frame).toContain(t('wizard.key.type'));
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'env', name, value }]]);
    for (const f of frames) expect(f).not.toContain(value);
  });

  it('offers both variables when both hold a fitting key, and typing instead is the last row', async () => {
    const other = 'sk-sp-test-9999-8888-7777-wxyz';
    const { lastFrame, stdin, onSubmit } = mount('coding', { TP_SETUP_API_KEY: PLAN_KEY, BAILIAN_CODING_PLAN_API_KEY: other });
    const frame = await waitForFrame(lastFrame, t('wizard.key.type'));
    const rows = frame.split('\n').filter((l) => l.includes('Use the key in') || l.includes(t('wizard.key.type')));
    expect(rows.map((r) => r.slice(2))).toEqual([
      `Use the key in $TP_SETUP_API_KEY (${maskKey(PLAN_KEY)})`,
      `Use the key in $BAILIAN_CODING_PLAN_API_KEY (${maskKey(other)})`,
      t('wizard.key.type'),
    ]);
    await press(stdin, KEY.down, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'env', name: 'BAILIAN_CODING_PLAN_API_KEY', value: other }]]);
  });

  it('does not offer a variable whose key does not fit the plan, nor another plan’s variable', async () => {
    const { lastFrame } = mount('coding', { TP_SETUP_API_KEY: PAYG_KEY, DASHSCOPE_API_KEY: PAYG_KEY, BAILIAN_TOKEN_PLAN_API_KEY: PLAN_KEY });
    const frame = await waitForFrame(lastFrame, t('prompt.key'));
    expect(frame).not.toContain('Use the key in');
  });

  it('"Type or paste a key" switches to the hidden input', async () => {
    const { lastFrame, stdin, onSubmit } = mount('coding', { TP_SETUP_API_KEY: PLAN_KEY });
    await waitForFrame(lastFrame, t('wizard.key.source'));
    await press(stdin, KEY.down, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.key'));
    expect(onSubmit).not.toHaveBeenCalled();
    const typedKey = 'sk-sp-test-5555-6666-7777-abcd';
    await press(stdin, typedKey, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'typed', value: typedKey }]]);
  });

  it('offers to keep the key entered before, masked, first', async () => {
    const { lastFrame, stdin, onSubmit } = mount('coding', {}, { source: 'typed', value: PLAN_KEY });
    const frame = await waitForFrame(lastFrame, t('wizard.key.source'));
    expect(focusedRow(frame)).toBe(`Keep the key entered before (${maskKey(PLAN_KEY)})`);
    expect(frame).not.toContain(PLAN_KEY);
    await press(stdin, KEY.enter);
    await waitUntil(() => onSubmit.mock.calls.length > 0);
    expect(onSubmit.mock.calls).toEqual([[{ source: 'typed', value: PLAN_KEY }]]);
  });
});

describe('QuestionsView', () => {
  const mount = (initial: QuestionState, opts: { canLeave?: boolean; env?: Record<string, string>; installed?: Record<string, string | null> } = {}, tr = t) => {
    const onDone = vi.fn<(s: QuestionState) => void>();
    const onLeave = vi.fn();
    const r = render(<QuestionsView initial={initial} canLeave={opts.canLeave ?? false} env={opts.env ?? {}} installed={opts.installed ?? {}} onDone={onDone} onLeave={onLeave} t={tr} />);
    return { ...r, onDone, onLeave };
  };

  it('walks Coding Plan with two tools to the end and hands over the answers', async () => {
    const { lastFrame, frames, stdin, onDone } = mount(initQuestions({}, true));
    let frame = await waitForFrame(lastFrame, t('prompt.plan'));
    expect(frame).toContain(t('wizard.plan.note'));
    expect(frame).toContain(t('wizard.hint.selectFirst'));
    expect(focusedRow(frame)).toBe('Token Plan');
    await press(stdin, KEY.down);
    await waitForFrame(lastFrame, '❯ Coding Plan');
    await press(stdin, KEY.enter);

    frame = await waitForFrame(lastFrame, t('prompt.region'));
    expect(frame).toContain('Plan: Coding Plan');
    // Coding Plan is sold in two regions only.
    expect(frame).toContain('China (Beijing)');
    expect(frame).toContain('International (Singapore)');
    expect(frame).not.toContain('US (Virginia)');
    await press(stdin, KEY.down, KEY.enter);

    frame = await waitForFrame(lastFrame, t('prompt.tools'));
    expect(frame).toContain('Region: International (Singapore)');
    expect(frame).toContain(t('wizard.hint.multi'));
    // openclaw, qwen-code, claude-code…: tick the second and third.
    await press(stdin, KEY.down, KEY.space, KEY.down, KEY.space);
    await waitForFrame(lastFrame, '❯ ◉ Claude Code');
    await press(stdin, KEY.enter);

    frame = await waitForFrame(lastFrame, t('prompt.key'));
    expect(frame).toContain('Tools: Qwen Code, Claude Code');
    await press(stdin, PLAN_KEY);
    await waitForFrame(lastFrame, '*'.repeat(PLAN_KEY.length));
    await press(stdin, KEY.enter);

    frame = await waitForFrame(lastFrame, t('prompt.model'));
    // The answers so far, one (wrapped) line, with the key masked.
    expect(frame.replace(/\s+/g, ' ')).toContain(`Tools: Qwen Code, Claude Code · Key: ${maskKey(PLAN_KEY)}`);
    expect(focusedRow(frame)).toBe('qwen3.5-plus · 1M context · thinking · recommended');
    await press(stdin, KEY.enter);

    frame = await waitForFrame(lastFrame, t('prompt.thinking'));
    expect(focusedRow(frame)).toBe('On');
    await press(stdin, KEY.down, KEY.enter);

    await waitUntil(() => onDone.mock.calls.length > 0);
    expect(onDone).toHaveBeenCalledTimes(1);
    const done = onDone.mock.calls[0]![0];
    expect(done.step).toBe('done');
    expect(toAnswers(done)).toEqual({
      answers: { plan: 'coding', region: 'intl', tools: ['qwen-code', 'claude-code'], models: ['qwen3.5-plus'], thinking: false },
      key: PLAN_KEY,
    });
    for (const f of frames) expect(f).not.toContain(PLAN_KEY);
  });

  it('a key-only walk (key reset) shows no recap line above the key', async () => {
    const { lastFrame, stdin, onDone } = mount(initQuestions({ plan: 'coding', region: 'cn', tools: [], models: [], thinking: true }, true));
    const frame = await waitForFrame(lastFrame, t('prompt.key'));
    expect(frame).not.toContain('Plan:');
    expect(frame.split('\n')[0]).toBe(`? ${t('prompt.key')}`);
    await press(stdin, PLAN_KEY, KEY.enter);
    await waitUntil(() => onDone.mock.calls.length > 0);
    expect(toAnswers(onDone.mock.calls[0]![0]).key).toBe(PLAN_KEY);
  });

  it('the tools list marks app tools as guides and nothing is ticked when nothing is installed', async () => {
    const { lastFrame, stdin } = mount(initQuestions({ plan: 'coding', region: 'cn' }, true));
    let frame = await waitForFrame(lastFrame, t('prompt.tools'));
    // The list is longer than the screen: walk to its end and read every row on the way.
    const seen = new Set<string>();
    for (let i = 0; i < TOOL_IDS.length; i++) {
      for (const line of frame.split('\n')) seen.add(line.replace(/^[❯ ]+/, '').trim());
      expect(frame).not.toContain('◉');
      expect(frame).not.toContain('installed');
      await press(stdin, KEY.down);
      frame = lastFrame() ?? '';
    }
    expect(seen).toContain(`◯ Cursor · ${t('wizard.tools.guide')}`);
    expect(seen).toContain(`◯ Cline (VS Code) · ${t('wizard.tools.guide')}`);
    expect(seen).toContain('◯ Droid');
  });

  it('a fitting key in the environment is offered on the key screen and handed over as from the environment', async () => {
    const { lastFrame, frames, stdin, onDone } = mount(initQuestions({ plan: 'payg', region: 'us', tools: ['codex'], models: ['qwen3.6-plus'], thinking: true }, true), {
      env: { DASHSCOPE_API_KEY: PAYG_KEY, BAILIAN_CODING_PLAN_API_KEY: PLAN_KEY },
    });
    const frame = await waitForFrame(lastFrame, t('wizard.key.source'));
    expect(focusedRow(frame)).toBe(`Use the key in $DASHSCOPE_API_KEY (${maskKey(PAYG_KEY)})`);
    expect(frame).not.toContain('BAILIAN_CODING_PLAN_API_KEY');
    await press(stdin, KEY.enter);
    await waitUntil(() => onDone.mock.calls.length > 0);
    const done = onDone.mock.calls[0]![0];
    expect(done.values.key).toEqual({ source: 'env', name: 'DASHSCOPE_API_KEY', value: PAYG_KEY });
    expect(toAnswers(done).key).toBe(PAYG_KEY);
    for (const f of frames) expect(f).not.toContain(PAYG_KEY);
  });

  it('Token Plan asks for the edition next', async () => {
    const { lastFrame, stdin } = mount(initQuestions({}, true));
    await waitForFrame(lastFrame, '❯ Token Plan');
    await press(stdin, KEY.enter);
    const frame = await waitForFrame(lastFrame, t('wizard.edition'));
    expect(frame).toContain('Personal');
    expect(frame).toContain('Team (one key per seat)');
    expect(frame).not.toContain(t('prompt.region'));
  });

  it('Esc goes back to the previous question with the earlier answer focused', async () => {
    const { lastFrame, stdin, onLeave } = mount(initQuestions({}, true), { canLeave: true });
    await waitForFrame(lastFrame, '❯ Token Plan');
    await press(stdin, KEY.down, KEY.down, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.region'));
    // Pay-as-you-go: four regions; pick the last.
    await press(stdin, KEY.up, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.tools'));
    await press(stdin, KEY.esc);
    let frame = await waitForFrame(lastFrame, t('prompt.region'));
    expect(focusedRow(frame)).toBe('China (Hong Kong)');
    await press(stdin, KEY.esc);
    frame = await waitForFrame(lastFrame, t('prompt.plan'));
    expect(focusedRow(frame)).toBe('Pay-as-you-go');
    expect(onLeave).not.toHaveBeenCalled();
  });

  it('back from the tools keeps the ticks made before', async () => {
    const { lastFrame, stdin } = mount(initQuestions({ plan: 'coding' }, true), { installed: { codex: 'codex-cli 0.98.0' } });
    await waitForFrame(lastFrame, t('prompt.region'));
    await press(stdin, KEY.enter);
    let frame = await waitForFrame(lastFrame, t('prompt.tools'));
    // Installed tools come ticked, with their version.
    expect(frame).toContain('◉ Codex · installed 0.98.0');
    await press(stdin, KEY.space, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.key'));
    await press(stdin, KEY.esc);
    frame = await waitForFrame(lastFrame, t('prompt.tools'));
    expect(frame).toContain('❯ ◉ OpenClaw');
    expect(frame).toContain('◉ Codex');
  });

  it('a switch to a plan that does not serve the earlier region asks the region again', async () => {
    const { lastFrame, stdin } = mount(initQuestions({}, true));
    await waitForFrame(lastFrame, '❯ Token Plan');
    await press(stdin, KEY.up, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.region'));
    await press(stdin, KEY.up, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.tools'));
    await press(stdin, KEY.esc);
    await waitForFrame(lastFrame, '❯ China (Hong Kong)');
    await press(stdin, KEY.esc);
    await waitForFrame(lastFrame, '❯ Pay-as-you-go');
    await press(stdin, KEY.up, KEY.enter);
    const frame = await waitForFrame(lastFrame, t('prompt.region'));
    expect(focusedRow(frame)).toBe('China (Beijing)');
    expect(frame).not.toContain('Hong Kong');
  });

  it('Esc on the first question leaves only when there is somewhere to go back to', async () => {
    const leaving = mount(initQuestions({}, true), { canLeave: true });
    const frame = await waitForFrame(leaving.lastFrame, t('prompt.plan'));
    expect(frame).toContain(t('wizard.hint.select'));
    await press(leaving.stdin, KEY.esc);
    await waitUntil(() => leaving.onLeave.mock.calls.length > 0);
    expect(leaving.onLeave).toHaveBeenCalledTimes(1);
    leaving.unmount();

    const staying = mount(initQuestions({}, true), { canLeave: false });
    await waitForFrame(staying.lastFrame, t('prompt.plan'));
    await press(staying.stdin, KEY.esc);
    await sleep(50);
    expect(staying.onLeave).not.toHaveBeenCalled();
    expect(staying.lastFrame()).toContain(t('prompt.plan'));
  });

  it('Esc on the first asked question after presets leaves too, and never lands on a skipped screen', async () => {
    const { lastFrame, stdin, onLeave } = mount(initQuestions({ plan: 'coding', region: 'cn' }, true), { canLeave: true });
    await waitForFrame(lastFrame, t('prompt.tools'));
    await press(stdin, KEY.esc);
    await waitUntil(() => onLeave.mock.calls.length > 0);
    expect(lastFrame()).not.toContain(t('prompt.region'));
  });

  it('--region us leaves only pay-as-you-go on the plan screen', async () => {
    const { lastFrame, stdin } = mount(initQuestions({ region: 'us' }, true));
    const frame = await waitForFrame(lastFrame, t('prompt.plan'));
    expect(focusedRow(frame)).toBe('Pay-as-you-go');
    const rows = frame.split('\n');
    expect(rows).not.toContain('  Coding Plan');
    expect(rows).not.toContain('  Token Plan');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, t('prompt.tools'));
  });

  it('the model list puts the recommended model first; a model without a thinking switch ends the questions', async () => {
    const { lastFrame, stdin, onDone } = mount(initQuestions({ plan: 'coding', region: 'cn', tools: ['codex'] }, false));
    const frame = await waitForFrame(lastFrame, t('prompt.model'));
    expect(focusedRow(frame)).toMatch(/^qwen3\.5-plus .*recommended$/);
    expect(frame).toContain('  qwen3-coder-next · 256K context\n');
    // Ten documented models, two reported ones and "Other model id…", eight rows: the rest is counted.
    expect(frame).toContain('↓ 5');
    await press(stdin, ...Array.from({ length: 8 }, () => KEY.down));
    expect(focusedRow(await waitForFrame(lastFrame, '❯ qwen3-coder-plus'))).toBe('qwen3-coder-plus · 1M context');
    await press(stdin, KEY.enter);
    await waitUntil(() => onDone.mock.calls.length > 0);
    expect(toAnswers(onDone.mock.calls[0]![0]).answers).toMatchObject({ models: ['qwen3-coder-plus'], thinking: true });
  });

  it('leaves out the models a chosen tool cannot use, and says which and why', async () => {
    const { lastFrame } = mount(initQuestions({ plan: 'token-team', region: 'cn', tools: ['claude-code', 'qwen-code'] }, false));
    const frame = (await waitForFrame(lastFrame, t('prompt.model'))).replace(/\s+/g, ' ');
    expect(frame).toContain('Not offered, since Claude Code cannot use them: deepseek-v3.2.');
    expect(frame).not.toMatch(/[❯ ] deepseek-v3\.2 ·/);
    // Without Claude Code it is offered.
    const other = mount(initQuestions({ plan: 'token-team', region: 'cn', tools: ['qwen-code'] }, false));
    const all = await waitForFrame(other.lastFrame, t('prompt.model'));
    expect(all).not.toContain('Not offered');
  });

  it('marks reported models and ends the list with "Other model id…", which takes any id typed exactly', async () => {
    const { lastFrame, stdin, onDone } = mount(initQuestions({ plan: 'token-personal', region: 'intl', tools: ['qwen-code'] }, false));
    await waitForFrame(lastFrame, t('prompt.model'));
    // Down past the five documented models to the reported ones, then to the last row.
    await press(stdin, ...Array.from({ length: 5 }, () => KEY.down));
    expect(focusedRow(await waitForFrame(lastFrame, '❯ qwen3.8-max '))).toBe('qwen3.8-max · 1M context · thinking · reported');
    await press(stdin, ...Array.from({ length: 4 }, () => KEY.down));
    const other = await waitForFrame(lastFrame, '❯ Other model id…');
    expect(other.replace(/\s+/g, ' ')).toContain(t('wizard.model.other.desc'));
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, t('wizard.model.typeId'));
    // Esc closes the line and returns to the list, not to the previous question.
    await press(stdin, KEY.esc);
    await waitForFrame(lastFrame, '❯ Other model id…');
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, t('wizard.model.typeId'));
    // An empty line is no answer; spaces around the id are dropped.
    await press(stdin, KEY.enter);
    expect(onDone).not.toHaveBeenCalled();
    await press(stdin, '  qwen9-omega ', KEY.enter);
    await waitUntil(() => onDone.mock.calls.length > 0);
    const state = onDone.mock.calls[0]![0];
    expect(toAnswers(state).answers.models).toEqual(['qwen9-omega']);
    expect(state.values.modelTyped).toBe(true);
  });

  it('holds up in a narrow terminal with long labels', async () => {
    const columns = 40;
    const onDone = vi.fn();
    const { lastFrame, stdin, instance } = renderWithColumns(
      <QuestionsView
        initial={initQuestions({ plan: 'token-team', region: 'intl' }, true)}
        canLeave
        env={{}}
        installed={Object.fromEntries(TOOL_IDS.map((id) => [id, `${id} version 10.20.30 (build with a very long suffix)`]))}
        onDone={onDone}
        onLeave={() => {}}
        t={t}
      />,
      columns,
    );
    try {
      let frame = await waitForFrame(lastFrame, 'Which tools');
      for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
      expect(frame).toContain('installed');
      await press(stdin, KEY.enter);
      await waitForFrame(lastFrame, 'API key');
      await press(stdin, PLAN_KEY, KEY.enter);
      frame = await waitForFrame(lastFrame, t('prompt.model'));
      for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
    } finally {
      instance.unmount();
    }
  });

  it('asks in Chinese with the zh-CN catalog', async () => {
    const zh = translator('zh-CN');
    const { lastFrame } = mount(initQuestions({}, true), {}, zh);
    const frame = await waitForFrame(lastFrame, '你购买的是哪种套餐？');
    expect(frame).toContain(zh('wizard.hint.selectFirst'));
    expect(frame).toContain(zh('wizard.plan.note'));
  });
});

describe('SelectView in a narrow terminal', () => {
  it('wraps long labels and descriptions within the width and still answers', async () => {
    const columns = 30;
    const onSubmit = vi.fn();
    const choices: Choice<string>[] = [
      { value: 'a', label: 'A label far longer than the thirty columns this terminal has', hint: 'with a hint as well', description: 'And a description that also does not fit on one line.' },
      { value: 'b', label: `/home/someone/${'deep/'.repeat(12)}config.json` },
    ];
    const { lastFrame, stdin, instance } = renderWithColumns(<SelectView choices={choices} onSubmit={onSubmit} />, columns);
    try {
      const frame = await waitForFrame(lastFrame, '❯');
      for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
      await press(stdin, KEY.down, KEY.enter);
      await waitUntil(() => onSubmit.mock.calls.length > 0);
      expect(onSubmit).toHaveBeenCalledWith('b');
    } finally {
      instance.unmount();
    }
  });
});

describe('ConfirmView', () => {
  const mount = (defaultYes: boolean, onBack?: () => void) => {
    const onAnswer = vi.fn();
    const r = render(<ConfirmView message="Proceed?" defaultYes={defaultYes} onAnswer={onAnswer} t={t} {...(onBack ? { onBack } : {})} />);
    return { ...r, onAnswer };
  };

  it.each([
    ['y', true, true],
    ['Y', false, true],
    ['n', true, false],
    ['N', false, false],
    [KEY.enter, true, true],
    [KEY.enter, false, false],
  ] as const)('%j with default yes=%s answers %s', async (key, defaultYes, expected) => {
    const { lastFrame, stdin, onAnswer } = mount(defaultYes);
    await waitForFrame(lastFrame, '? Proceed?');
    await press(stdin, key);
    await waitUntil(() => onAnswer.mock.calls.length > 0);
    expect(onAnswer.mock.calls).toEqual([[expected]]);
  });

  it('the hint names the default', async () => {
    expect(await waitForFrame(mount(true).lastFrame, 'Proceed?')).toContain(t('wizard.hint.confirmYes'));
    expect(await waitForFrame(mount(false).lastFrame, 'Proceed?')).toContain(t('wizard.hint.confirmNo'));
  });

  it('other keys answer nothing', async () => {
    const { lastFrame, stdin, onAnswer } = mount(true);
    await waitForFrame(lastFrame, 'Proceed?');
    await press(stdin, 'x', KEY.down, KEY.space);
    await sleep(50);
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('Esc goes back only where a way back was given', async () => {
    const onBack = vi.fn();
    const withBack = mount(true, onBack);
    await waitForFrame(withBack.lastFrame, 'Proceed?');
    await press(withBack.stdin, KEY.esc);
    await waitUntil(() => onBack.mock.calls.length > 0);
    expect(withBack.onAnswer).not.toHaveBeenCalled();
    withBack.unmount();

    const without = mount(true);
    await waitForFrame(without.lastFrame, 'Proceed?');
    await press(without.stdin, KEY.esc);
    await sleep(50);
    expect(without.onAnswer).not.toHaveBeenCalled();
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});

describe('ReviewView', () => {
  const review: Review = {
    header: { plan: 'Coding Plan', region: 'China (Beijing)', model: 'qwen3.5-plus' },
    changes: [
      { tool: 'codex', path: '/home/u/.codex/config.toml', action: 'create', backup: null },
      { tool: 'claude-code', path: '/home/u/.claude/settings.json', action: 'update', backup: 'b1' },
      { tool: 'qwen-code', path: '/home/u/.qwen/settings.json', action: 'unchanged', backup: null },
    ],
    diffs: [],
    caches: [{ kind: 'move', file: '/home/u/.openclaw/agents/main/agent/models.json', finding: finding('OPENCLAW_STALE_CACHE', 'warning') } satisfies CleanAction],
  };
  const home = (p: string): string => p.replace(/^\/home\/u/, '~');
  const mount = () => {
    const onAnswer = vi.fn();
    const onBack = vi.fn();
    const r = render(<ReviewView review={review} home={home} onAnswer={onAnswer} onBack={onBack} t={t} />);
    return { ...r, onAnswer, onBack };
  };

  it('lists each file with what happens to it, the caches, and the question', async () => {
    const frame = await waitForFrame(mount().lastFrame, t('wizard.review.question'));
    expect(frame).toContain(t('wizard.review.title'));
    expect(frame).toContain('tp-setup · Coding Plan · China (Beijing) · model qwen3.5-plus');
    expect(frame).toContain('  create ~/.codex/config.toml · new file (restore removes it)');
    expect(frame).toContain('  update ~/.claude/settings.json · backed up first');
    expect(frame).not.toContain('.qwen/settings.json');
    expect(frame).toContain(t('wizard.review.caches'));
    expect(frame).toContain('  ~/.openclaw/agents/main/agent/models.json');
    expect(frame).toContain(t('wizard.review.restore'));
    expect(frame).toContain(t('wizard.review.hint'));
    expect(frame).not.toContain('/home/u');
  });

  it('no cache section when there are none', async () => {
    const { lastFrame } = render(<ReviewView review={{ ...review, caches: [] }} home={home} onAnswer={() => {}} onBack={() => {}} t={t} />);
    expect(await waitForFrame(lastFrame, t('wizard.review.question'))).not.toContain(t('wizard.review.caches'));
  });

  it.each([
    [KEY.enter, true],
    ['y', true],
    ['n', false],
  ] as const)('%j answers %s', async (key, expected) => {
    const { lastFrame, stdin, onAnswer, onBack } = mount();
    await waitForFrame(lastFrame, t('wizard.review.question'));
    await press(stdin, key);
    await waitUntil(() => onAnswer.mock.calls.length > 0);
    expect(onAnswer.mock.calls).toEqual([[expected]]);
    expect(onBack).not.toHaveBeenCalled();
  });

  it('Esc goes back to the questions', async () => {
    const { lastFrame, stdin, onAnswer, onBack } = mount();
    await waitForFrame(lastFrame, t('wizard.review.question'));
    await press(stdin, KEY.esc);
    await waitUntil(() => onBack.mock.calls.length > 0);
    expect(onAnswer).not.toHaveBeenCalled();
  });
});

describe('MenuView', () => {
  const detection: Detection = {
    installed: { codex: 'codex-cli 0.98.0', 'claude-code': '2.1.3 (Claude Code)', openclaw: null },
    configured: [
      { tool: 'qwen-code', family: 'coding', region: 'cn' },
      { tool: 'opencode', family: 'payg', region: undefined },
    ],
    errors: 1,
    warnings: 2,
    fixable: 1,
    caches: [{ kind: 'move', file: '/h/.openclaw/agents/main/agent/models.json', finding: finding('OPENCLAW_STALE_CACHE', 'warning') }],
    keys: 1,
    configuredBefore: true,
    runs: 2,
  };
  const none: Detection = { installed: { codex: null }, configured: [], errors: 0, warnings: 0, fixable: 0, caches: [], keys: 0, configuredBefore: false, runs: 0 };

  it('detectionLines: installed versions, configured tools with plan and region, doctor counts, caches', () => {
    expect(detectionLines(detection, t)).toEqual([
      'Installed: Codex 0.98.0, Claude Code 2.1.3',
      'Already using Model Studio: Qwen Code (Coding Plan, China (Beijing)), OpenCode (Pay-as-you-go)',
      'Doctor: 1 error(s), 2 warning(s)',
      'Stale OpenClaw cache files: 1',
    ]);
    expect(detectionLines(none, t)).toEqual([t('wizard.installedNone'), t('wizard.configuredNone'), t('wizard.problemsNone')]);
  });

  it('detectionLines in Chinese name plans and regions in Chinese', () => {
    const zh = translator('zh-CN');
    const lines = detectionLines({ ...detection, configured: [...detection.configured, { tool: 'codex', family: 'token-plan', region: 'intl' }] }, zh);
    expect(lines[1]).toBe(zh('wizard.configured', { list: 'Qwen Code（Coding Plan（编程套餐）、中国内地（北京））、OpenCode（按量付费）、Codex（Token Plan、国际（新加坡））' }));
    expect(lines.join('\n')).not.toMatch(/pay-as-you-go|Pay-as-you-go|China|International/);
  });

  it('shows what was found and the choices in the order given; Enter takes the first', async () => {
    const choices: MenuChoice[] = ['clean', 'fix', 'rekey', 'onboard', 'restore', 'quit'];
    const onChoose = vi.fn();
    const { lastFrame, stdin } = render(<MenuView detection={detection} choices={choices} onChoose={onChoose} t={t} />);
    const frame = await waitForFrame(lastFrame, t('wizard.menu'));
    for (const line of detectionLines(detection, t)) expect(frame).toContain(`  ${line}`);
    const positions = choices.map((c) => frame.indexOf(t(`wizard.menu.${c}`)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(focusedRow(frame)).toBe(t('wizard.menu.clean'));
    expect(frame).toContain(t('wizard.menu.clean.desc'));
    expect(frame).toContain(t('wizard.hint.selectFirst'));
    await press(stdin, KEY.enter);
    await waitUntil(() => onChoose.mock.calls.length > 0);
    expect(onChoose.mock.calls).toEqual([['clean']]);
  });

  it('moving shows the focused choice’s description; quit is reachable by wrapping up', async () => {
    const onChoose = vi.fn();
    const { lastFrame, stdin } = render(<MenuView detection={none} choices={['onboard', 'quit']} onChoose={onChoose} t={t} />);
    await waitForFrame(lastFrame, t('wizard.menu.onboard.desc'));
    await press(stdin, KEY.up);
    const frame = await waitForFrame(lastFrame, t('wizard.menu.quit.desc'));
    expect(frame).not.toContain(t('wizard.menu.onboard.desc'));
    await press(stdin, KEY.enter);
    await waitUntil(() => onChoose.mock.calls.length > 0);
    expect(onChoose).toHaveBeenCalledWith('quit');
  });
});

describe('RunsView', () => {
  const run = (runId: string, command: string, files: number): Manifest =>
    ({ schemaVersion: 1, runId, command, createdAt: '2026-11-22T15:01:02.000Z', status: 'complete', files: Array.from({ length: files }, () => ({})) }) as unknown as Manifest;
  const runs = [run('20261122T150102Z-3fa9', 'setup', 3), run('20261121T090000Z-0b1c', 'key', 1)];

  it('lists the runs with command, file count and id; Enter restores the focused one', async () => {
    const onChoose = vi.fn();
    const onBack = vi.fn();
    const { lastFrame, stdin } = render(<RunsView runs={runs} onChoose={onChoose} onBack={onBack} t={t} />);
    const frame = await waitForFrame(lastFrame, t('wizard.runs'));
    expect(focusedRow(frame)).toMatch(/ · setup · 3 file\(s\) · 20261122T150102Z-3fa9$/);
    expect(frame).toMatch(/ · key · 1 file\(s\) · 20261121T090000Z-0b1c/);
    expect(frame).toContain(t('wizard.hint.select'));
    await press(stdin, KEY.down, KEY.enter);
    await waitUntil(() => onChoose.mock.calls.length > 0);
    expect(onChoose.mock.calls).toEqual([['20261121T090000Z-0b1c']]);
    expect(onBack).not.toHaveBeenCalled();
  });

  it('Esc goes back', async () => {
    const onChoose = vi.fn();
    const onBack = vi.fn();
    const { lastFrame, stdin } = render(<RunsView runs={runs} onChoose={onChoose} onBack={onBack} t={t} />);
    await waitForFrame(lastFrame, t('wizard.runs'));
    await press(stdin, KEY.esc);
    await waitUntil(() => onBack.mock.calls.length > 0);
    expect(onChoose).not.toHaveBeenCalled();
  });
});

describe('BlockView', () => {
  const block = (kind: Block['kind'], text: string): Block => ({ id: 0, kind, text });

  it('a diff keeps every line with its sign, headers and hunk marks', async () => {
    const text = [
      '--- ~/.claude/settings.json',
      '+++ ~/.claude/settings.json',
      '@@ -1,3 +1,4 @@',
      ' {',
      '-  "model": "old"',
      `+  "model": "qwen3.5-plus",`,
      `+  "apiKey": "${maskKey(PLAN_KEY)}"`,
      ' }',
    ].join('\n');
    const { lastFrame } = render(<BlockView block={block('diff', text)} />);
    const frame = await waitForFrame(lastFrame, '@@');
    expect(frame.split('\n').map((l) => l.trimEnd())).toEqual(text.split('\n').map((l) => l.trimEnd()));
    expect(frame).not.toContain(PLAN_KEY);
  });

  it.each(['title', 'text', 'error', 'progress', 'note', 'answers'] as const)('%s blocks show their text', async (kind) => {
    const { lastFrame } = render(<BlockView block={block(kind, `line one of ${kind}\nline two`)} />);
    expect(await waitForFrame(lastFrame, `line one of ${kind}`)).toContain('line two');
  });
});

describe('diff lines in a narrow terminal', () => {
  it('cuts a long added or removed line into pieces that each keep the sign', () => {
    const long = `+  "baseUrl": "https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1",`;
    const pieces = wrapDiffLine(long, 40);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.startsWith('+')).toBe(true);
      expect(p.length).toBeLessThanOrEqual(40);
    }
    expect(pieces.map((p) => p.slice(1)).join('')).toBe(long.slice(1));
    // Headers, short lines and Chinese text by display width.
    expect(wrapDiffLine('+++ b/a-very-long-path/that/goes/on/and/on/settings.json', 20)).toHaveLength(1);
    expect(wrapDiffLine('-short', 40)).toEqual(['-short']);
    const zh = wrapDiffLine(`-${'密钥'.repeat(20)}`, 21);
    expect(zh.every((p) => p.startsWith('-') && p.length <= 11)).toBe(true);
  });

  it('draws every visible row of a wrapped diff with its sign at 40 columns', async () => {
    const block = { id: 1, kind: 'diff' as const, text: `--- a/x\n+++ b/x\n@@ -1 +1 @@\n-  "model": "${'q'.repeat(60)}"\n+  "model": "${'z'.repeat(60)}"` };
    const { lastFrame } = renderWithColumns(<BlockView block={block} />, 40);
    const frame = await waitForFrame(lastFrame, 'zzz');
    const rows = frame.split('\n').filter((l) => l.includes('q') || l.includes('z'));
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(r.startsWith('+') || r.startsWith('-')).toBe(true);
  });
});
