import { Box, Text, useInput } from 'ink';
import { initList, listReducer } from '../list-reducer.js';
import { typedKeys } from '../typed-keys.js';
import { useSyncReducer } from '../use-sync-reducer.js';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** Short facts after the label (context size, installed version). */
  readonly hint?: string;
  /** A sentence shown under the list while this row has focus. */
  readonly description?: string;
}

interface Props<T extends string> {
  readonly choices: readonly Choice<T>[];
  readonly defaultValue?: T | undefined;
  readonly onSubmit: (value: T) => void;
  readonly visible?: number;
}

/**
 * One choice from a list. Focus starts on the default (the earlier answer when coming back),
 * and Enter on it answers again: @inkjs/ui's Select neither focuses its default nor reports
 * choosing the value it already has, which "back keeps earlier answers" needs.
 */
export function SelectView<T extends string>({ choices, defaultValue, onSubmit, visible = 8 }: Props<T>) {
  const start = Math.max(0, choices.findIndex((c) => c.value === defaultValue));
  const [list, dispatch, current] = useSyncReducer(listReducer, () => initList(choices.length, start, visible));
  useInput((input, key) => {
    for (const k of typedKeys(input, key)) {
      if (k === 'up') dispatch({ type: 'up' });
      else if (k === 'down') dispatch({ type: 'down' });
      else if (k === 'home') dispatch({ type: 'home' });
      else if (k === 'enter') {
        const chosen = choices[current().focus];
        if (chosen) onSubmit(chosen.value);
        return;
      }
    }
  });
  const shown = choices.slice(list.top, list.top + list.visible);
  const below = choices.length - list.top - list.visible;
  const focused = choices[list.focus];
  return (
    <Box flexDirection="column">
      {list.top > 0 ? <Text dimColor>{`  ↑ ${list.top}`}</Text> : null}
      {shown.map((c, i) => {
        const isFocused = list.top + i === list.focus;
        return (
          <Text key={c.value} color={isFocused ? 'cyan' : undefined}>
            {isFocused ? '❯ ' : '  '}
            {c.label}
            {c.hint ? <Text dimColor>{` · ${c.hint}`}</Text> : null}
          </Text>
        );
      })}
      {below > 0 ? <Text dimColor>{`  ↓ ${below}`}</Text> : null}
      {focused?.description ? (
        <Box paddingLeft={2}>
          <Text dimColor>{focused.description}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
