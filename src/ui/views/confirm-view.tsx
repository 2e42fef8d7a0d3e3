import { Box, Text, useInput } from 'ink';
import type { Translate } from '../../i18n/index.js';
import { typedKeys } from '../typed-keys.js';

interface Props {
  readonly message: string;
  readonly defaultYes: boolean;
  readonly onAnswer: (yes: boolean) => void;
  readonly t: Translate;
  /** The review's wording of the keys; defaults to the plain yes/no hint. */
  readonly hint?: string;
  /** Esc: only where going back makes sense (the review). */
  readonly onBack?: () => void;
}

export function ConfirmView({ message, defaultYes, onAnswer, t, hint, onBack }: Props) {
  useInput((input, key) => {
    for (const k of typedKeys(input, key)) {
      const char = typeof k === 'object' ? k.char.toLowerCase() : null;
      if (char === 'y' || char === 'n' || k === 'enter') return onAnswer(char === null ? defaultYes : char === 'y');
      if (k === 'escape' && onBack) return onBack();
    }
  });
  return (
    <Box flexDirection="column">
      <Text bold>{`? ${message}`}</Text>
      <Text dimColor>{`  ${hint ?? t(defaultYes ? 'wizard.hint.confirmYes' : 'wizard.hint.confirmNo')}`}</Text>
    </Box>
  );
}
