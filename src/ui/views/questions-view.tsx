import { wordList } from '../../presenters/view.js';
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { useSyncReducer } from '../use-sync-reducer.js';
import { TOOL_IDS, adapters, type ToolId } from '../../core/adapters/index.js';
import { unreachable } from '../../core/adapters/reach.js';
import { getPlan, recommendedModel, regionIds, regionIdsFor, regionName } from '../../core/catalog/index.js';
import type { RegionId } from '../../core/catalog/types.js';
import { maskKey } from '../../core/keys.js';
import type { Translate } from '../../i18n/index.js';
import {
  defaultModel,
  familiesFor,
  isAsked,
  isFirstStep,
  STEP_ORDER,
  planOf,
  questionsReducer,
  regionOf,
  type Edition,
  type PlanGroup,
  type QuestionAction,
  type QuestionState,
  type StepId,
} from '../questions-reducer.js';
import { KeyStep } from './key-step.js';
import { ModelStep } from './model-step.js';
import { MultiSelectView } from './multi-select-view.js';
import { SelectView, type Choice } from './select-view.js';

interface Props {
  readonly initial: QuestionState;
  readonly canLeave: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly installed: Readonly<Record<string, string | null | undefined>>;
  readonly onDone: (state: QuestionState) => void;
  readonly onLeave: () => void;
  readonly t: Translate;
}

const shortVersion = (v: string): string => /\d+\.\d+\.\d+/.exec(v)?.[0] ?? v;

/** What was answered so far, one line, so going back and forth never loses track. */
function answeredLine(s: QuestionState, t: Translate): string {
  const parts: string[] = [];
  const plan = planOf(s);
  if (plan && s.step !== 'plan' && s.step !== 'edition') parts.push(`${t('wizard.answer.plan')}: ${getPlan(plan).name[t.lang]}`);
  const region = regionOf(s);
  const past = (step: StepId): boolean => s.step === 'done' || STEP_ORDER.indexOf(s.step) > STEP_ORDER.indexOf(step);
  if (region && past('region')) parts.push(`${t('wizard.answer.region')}: ${regionName(region, t.lang)}`);
  const tools = s.preset.tools ?? s.values.tools;
  if (tools && tools.length > 0 && past('tools')) parts.push(`${t('wizard.answer.tools')}: ${wordList(t, tools.map((id) => adapters[id].label))}`);
  if (s.values.key && past('key')) parts.push(`${t('wizard.answer.key')}: ${maskKey(s.values.key.value)}`);
  return parts.join(' · ');
}

/** The onboarding questions, one screen each; Esc goes back with every answer kept. */
export function QuestionsView({ initial, canLeave, env, installed, onDone, onLeave, t }: Props) {
  const [s, apply] = useSyncReducer(questionsReducer, () => initial);
  const dispatch = (action: QuestionAction): void => {
    const next = apply(action);
    if (next.step === 'done') onDone(next);
  };
  // "Other model id…" opens a text line inside the model step: Esc closes it before going back.
  const [typingModel, setTypingModel] = useState(false);
  useInput((_input, key) => {
    if (!key.escape) return;
    if (s.step === 'model' && typingModel) return setTypingModel(false);
    if (isFirstStep(s)) {
      if (canLeave) onLeave();
    } else dispatch({ type: 'back' });
  });
  if (s.step === 'done') return null;
  const first = isFirstStep(s) && !canLeave;
  const hint = t(s.step === 'tools' ? 'wizard.hint.multi' : first ? 'wizard.hint.selectFirst' : 'wizard.hint.select');
  const plan = planOf(s);
  const region = regionOf(s);
  // A key-only walk (key reset, or flags for the rest) has no answers of the user's to recap.
  const keyOnly = STEP_ORDER.every((step) => step === 'key' || !isAsked(s, step));
  const summary = keyOnly ? '' : answeredLine(s, t);
  const question = (title: string, body: React.ReactNode, note?: string) => (
    <Box flexDirection="column">
      {summary ? <Text dimColor>{summary}</Text> : null}
      <Text bold>{`? ${title}`}</Text>
      {note ? (
        <Box paddingLeft={2}>
          <Text dimColor>{note}</Text>
        </Box>
      ) : null}
      {body}
      <Text dimColor>{`  ${hint}`}</Text>
    </Box>
  );

  switch (s.step) {
    case 'plan': {
      const all: Choice<PlanGroup>[] = [
        { value: 'token', label: t('wizard.family.token'), description: t('wizard.family.token.desc') },
        { value: 'coding', label: getPlan('coding').name[t.lang], description: getPlan('coding').blurb[t.lang] },
        { value: 'payg', label: getPlan('payg').name[t.lang], description: getPlan('payg').blurb[t.lang] },
      ];
      const choices = all.filter((c) => familiesFor(s).includes(c.value));
      return question(t('prompt.plan'), <SelectView key="plan" choices={choices} defaultValue={s.values.family} onSubmit={(value) => dispatch({ type: 'plan', value })} />, t('wizard.plan.note'));
    }
    case 'edition': {
      const choices: Choice<Edition>[] = (['personal', 'team'] as const).map((e) => ({
        value: e,
        label: t(`wizard.edition.${e}`),
        description: getPlan(`token-${e}`).blurb[t.lang],
      }));
      return question(t('wizard.edition'), <SelectView key="edition" choices={choices} defaultValue={s.values.edition} onSubmit={(value) => dispatch({ type: 'edition', value })} />);
    }
    case 'region': {
      const ids = plan ? regionIdsFor(plan) : regionIds;
      const choices: Choice<RegionId>[] = ids.map((id) => ({ value: id, label: regionName(id, t.lang) }));
      return question(t('prompt.region'), <SelectView key="region" choices={choices} defaultValue={s.values.region} onSubmit={(value) => dispatch({ type: 'region', value })} />);
    }
    case 'tools': {
      const choices: Choice<ToolId>[] = TOOL_IDS.map((id) => {
        const version = installed[id];
        // Said before it is ticked: the newest Codex cannot reach Coding Plan at all (docs/tools/codex.md#wire-api).
        const blocked = id === 'codex' && plan && region && unreachable('codex', plan, region, recommendedModel(plan, region), version) === 'CODEX_PLAN_UNSUPPORTED';
        const base = adapters[id].examine === undefined ? t('wizard.tools.guide') : version ? t('wizard.tools.installed', { version: shortVersion(version) }) : undefined;
        const hint = blocked ? [base, t('wizard.tools.codexCoding')].filter(Boolean).join(' · ') : base;
        return { value: id, label: adapters[id].label, ...(hint ? { hint } : {}) };
      });
      const ticked = s.values.tools ?? TOOL_IDS.filter((id) => Boolean(installed[id]));
      return question(
        t('prompt.tools'),
        <MultiSelectView key="tools" choices={choices} defaultValues={ticked} requiredMessage={t('wizard.tools.required')} onSubmit={(value) => dispatch({ type: 'tools', value })} />,
      );
    }
    case 'key':
      return (
        <Box flexDirection="column">
          {summary ? <Text dimColor>{summary}</Text> : null}
          {plan && region ? <KeyStep key="key" plan={plan} region={region} env={env} previous={s.values.key} rotate={s.keyPurpose === 'rotate'} t={t} onSubmit={(value) => dispatch({ type: 'key', value })} /> : null}
        </Box>
      );
    case 'model': {
      if (!plan || !region) return null;
      return question(
        t('prompt.model'),
        <ModelStep
          plan={plan}
          region={region}
          tools={s.preset.tools ?? s.values.tools ?? []}
          codexVersion={installed.codex}
          defaultValue={defaultModel(s)}
          typing={typingModel}
          onTyping={setTypingModel}
          onSubmit={(value, typed) => {
            setTypingModel(false);
            dispatch({ type: 'model', value, typed });
          }}
          t={t}
        />,
      );
    }
    case 'thinking': {
      const choices: Choice<'on' | 'off'>[] = [
        { value: 'on', label: t('wizard.thinking.on') },
        { value: 'off', label: t('wizard.thinking.off') },
      ];
      const current = s.values.thinking === false ? 'off' : 'on';
      return question(t('prompt.thinking'), <SelectView key="thinking" choices={choices} defaultValue={current} onSubmit={(value) => dispatch({ type: 'thinking', value: value === 'on' })} />);
    }
  }
}
