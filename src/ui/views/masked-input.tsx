import { Text, useInput } from 'ink';
import { useSyncReducer } from '../use-sync-reducer.js';

export type MaskedAction = { readonly type: 'insert'; readonly text: string } | { readonly type: 'backspace' } | { readonly type: 'clear' };

/** The typed secret; pure, so pastes and corrections are testable without a terminal. */
export function maskedReducer(value: string, action: MaskedAction): string {
  switch (action.type) {
    case 'insert':
      return value + action.text;
    case 'backspace':
      return [...value].slice(0, -1).join('');
    case 'clear':
      return '';
  }
}

interface Props {
  readonly onChange: (value: string) => void;
  readonly onSubmit: (value: string) => void;
}

/**
 * Hidden input: one `*` per character, never the text. A paste that ends in a line break
 * submits, as it would in a shell; Ctrl+U clears, as in a shell. (@inkjs/ui's PasswordInput
 * submits the value of the previous render, so a paste with its Enter in one chunk was lost.)
 */
export function MaskedInput({ onChange, onSubmit }: Props) {
  const [value, dispatch, current] = useSyncReducer(maskedReducer, () => '');
  useInput((input, key) => {
    if (key.return) return onSubmit(current());
    if (key.backspace || key.delete) return onChange(dispatch({ type: 'backspace' }));
    if (key.ctrl && input === 'u') return onChange(dispatch({ type: 'clear' }));
    if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || input === '') return;
    const [text = '', ...rest] = input.split(/\r\n|\r|\n/);
    onChange(dispatch({ type: 'insert', text }));
    if (rest.length > 0) onSubmit(current());
  });
  return <Text>{value.length > 0 ? '*'.repeat([...value].length) : ' '}</Text>;
}
