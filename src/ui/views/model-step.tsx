import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { modelChoices, recommendedModel } from '../../core/catalog/index.js';
import type { PlanId, RegionId } from '../../core/catalog/types.js';
import type { Translate } from '../../i18n/index.js';
import { modelFacts } from '../../prompts/choice-labels.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import { maskedReducer } from './masked-input.js';
import { SelectView, type Choice } from './select-view.js';

/** The row that opens the free-text id; no model id contains a NUL. */
export const OTHER_MODEL = '\u0000other';

/** The model list: documented models (the recommended first), reported ones marked, and "Other model id…" last. */
export function modelRows(plan: PlanId, region: RegionId, t: Translate): Choice<string>[] {
  const recommended = recommendedModel(plan, region);
  const rows = modelChoices(plan, region).map(({ id, level }): Choice<string> => {
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

export function ModelStep({ plan, region, defaultValue, typing, onTyping, onSubmit, t }: Props) {
  const rows = modelRows(plan, region, t);
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
  return (
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
  );
}
