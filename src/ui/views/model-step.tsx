import { wordList } from '../../presenters/view.js';
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { adapters, type ToolId } from '../../core/adapters/index.js';
import { unreachable } from '../../core/adapters/reach.js';
import { modelChoices, recommendedModel } from '../../core/catalog/index.js';
import type { PlanId, RegionId } from '../../core/catalog/types.js';
import type { Translate } from '../../i18n/index.js';
import { modelFacts } from '../../prompts/choice-labels.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import { maskedReducer } from './masked-input.js';
import { SelectView, type Choice } from './select-view.js';

/** The row that opens the free-text id; no model id contains a NUL. */
export const OTHER_MODEL = '\u0000other';

/** Models a chosen tool cannot use (documented), each with the first tool that cannot: never offered. */
export function unusableModels(plan: PlanId, region: RegionId, tools: readonly ToolId[], codexVersion?: string | null): { readonly id: string; readonly tool: ToolId }[] {
  return modelChoices(plan, region).flatMap(({ id }) => {
    // A tool that cannot reach the plan at all is the tools screen's matter, not the models'.
    const tool = tools.find((x) => {
      const why = unreachable(x, plan, region, id, codexVersion);
      return why !== null && why !== 'CODEX_PLAN_UNSUPPORTED';
    });
    return tool ? [{ id, tool }] : [];
  });
}

/**
 * The model list: documented models (the recommended first), reported ones marked, and "Other
 * model id…" last. Models a chosen tool cannot use are left out (`unusableModels` says which).
 */
export function modelRows(plan: PlanId, region: RegionId, t: Translate, tools: readonly ToolId[] = [], codexVersion?: string | null): Choice<string>[] {
  const recommended = recommendedModel(plan, region);
  const hidden = new Set(unusableModels(plan, region, tools, codexVersion).map((u) => u.id));
  const rows = modelChoices(plan, region).filter(({ id }) => !hidden.has(id)).map(({ id, level }): Choice<string> => {
    const facts = modelFacts(id);
    const hint = [
      facts.context ? t('wizard.model.context', { size: facts.context }) : null,
      facts.thinking ? t('wizard.model.thinking') : null,
      id === recommended ? t('wizard.model.recommended') : null,
      level === 'reported' ? t('wizard.model.reported') : null,
    ].filter(Boolean);
    return { value: id, label: id, hint: hint.join(' · ') };
  });
  return [...rows, { value: OTHER_MODEL, label: t('wizard.model.other'), description: t('wizard.model.other.desc') }];
}

interface Props {
  readonly plan: PlanId;
  readonly region: RegionId;
  readonly tools: readonly ToolId[];
  readonly codexVersion: string | null | undefined;
  readonly defaultValue: string | undefined;
  /** Typing an id (after "Other model id…"); Esc, handled by the questions view, returns to the list. */
  readonly typing: boolean;
  readonly onTyping: (typing: boolean) => void;
  readonly onSubmit: (value: string, typed: boolean) => void;
  readonly t: Translate;
}

/** A visible one-line input for a model id: spaces around it are dropped, an empty line is not an answer. */
function IdInput({ initial, onSubmit }: { readonly initial: string; readonly onSubmit: (value: string) => void }) {
  const [value, dispatch, current] = useSyncReducer(maskedReducer, () => initial);
  useInput((input, key) => {
    if (key.return) {
      const id = current().trim();
      if (id !== '') onSubmit(id);
      return;
    }
    if (key.backspace || key.delete) return void dispatch({ type: 'backspace' });
    if (key.ctrl && input === 'u') return void dispatch({ type: 'clear' });
    if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || input === '') return;
    const [text = '', ...rest] = input.split(/\r\n|\r|\n/);
    dispatch({ type: 'insert', text });
    if (rest.length > 0 && current().trim() !== '') onSubmit(current().trim());
  });
  return <Text>{`> ${value}`}</Text>;
}

export function ModelStep({ plan, region, tools, codexVersion, defaultValue, typing, onTyping, onSubmit, t }: Props) {
  const rows = modelRows(plan, region, t, tools, codexVersion);
  const hidden = unusableModels(plan, region, tools, codexVersion);
  const listed = rows.some((r) => r.value === defaultValue);
  // Back from the typed line (Esc), the list opens on the row that led there.
  const [openedOther, setOpenedOther] = useState(false);
  if (typing) {
    return (
      <Box flexDirection="column">
        <Text>{t('wizard.model.typeId')}</Text>
        <Text dimColor>{t('wizard.model.other.desc')}</Text>
        <IdInput initial={!listed && defaultValue ? defaultValue : ''} onSubmit={(id) => onSubmit(id, true)} />
      </Box>
    );
  }
  const note = hidden.length > 0 ? t('wizard.model.hidden', { models: wordList(t, hidden.map((h) => h.id)), tools: wordList(t, [...new Set(hidden.map((h) => adapters[h.tool].label))]) }) : null;
  return (
    <Box flexDirection="column">
      {note ? <Text dimColor>{note}</Text> : null}
      <SelectView
        key="model"
        choices={rows}
        defaultValue={openedOther || (!listed && defaultValue) ? OTHER_MODEL : defaultValue}
        onSubmit={(value) => {
          if (value !== OTHER_MODEL) return onSubmit(value, false);
          setOpenedOther(true);
          onTyping(true);
        }}
      />
    </Box>
  );
}
