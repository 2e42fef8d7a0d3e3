import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { initList, listReducer } from '../list-reducer.js';
import { typedKeys } from '../typed-keys.js';
import { useSyncReducer } from '../use-sync-reducer.js';
import type { Choice } from './select-view.js';

interface Props<T extends string> {
  readonly choices: readonly Choice<T>[];
  readonly defaultValues: readonly T[];
  readonly onSubmit: (values: T[]) => void;
  /** Shown when Enter comes with nothing ticked. */
  readonly requiredMessage: string;
  readonly visible?: number;
}

/** Several choices: Space ticks, Enter confirms. A tick is a symbol, never only a colour. */
export function MultiSelectView<T extends string>({ choices, defaultValues, onSubmit, requiredMessage, visible = 10 }: Props<T>) {
  const [list, dispatch, current] = useSyncReducer(listReducer, () =>
    initList(choices.length, 0, visible, choices.map((c) => defaultValues.includes(c.value))),
  );
  const [empty, setEmpty] = useState(false);
  useInput((input, key) => {
    for (const k of typedKeys(input, key)) {
      if (k === 'up') dispatch({ type: 'up' });
      else if (k === 'down') dispatch({ type: 'down' });
      else if (k === 'home') dispatch({ type: 'home' });
      else if (k === 'space') {
        setEmpty(false);
        dispatch({ type: 'toggle' });
      } else if (k === 'enter') {
        const now = current();
        const values = choices.filter((_, i) => now.ticked[i]).map((c) => c.value);
        if (values.length === 0) setEmpty(true);
        else onSubmit(values);
        return;
      }
    }
  });
  const below = choices.length - list.top - list.visible;
  return (
    <Box flexDirection="column">
      {list.top > 0 ? <Text dimColor>{`  ↑ ${list.top}`}</Text> : null}
      {choices.slice(list.top, list.top + list.visible).map((c, i) => {
        const index = list.top + i;
        const isFocused = index === list.focus;
        return (
          <Text key={c.value} color={isFocused ? 'cyan' : undefined}>
            {isFocused ? '❯ ' : '  '}
            {list.ticked[index] ? '◉ ' : '◯ '}
            {c.label}
            {c.hint ? <Text dimColor>{` · ${c.hint}`}</Text> : null}
          </Text>
        );
      })}
      {below > 0 ? <Text dimColor>{`  ↓ ${below}`}</Text> : null}
      {empty ? <Text color="red">{`✖ ${requiredMessage}`}</Text> : null}
    </Box>
  );
}
