import { Box, Text, useInput } from 'ink';
import type { Manifest } from '../../effects/runs.js';
import type { Translate } from '../../i18n/index.js';
import { SelectView } from './select-view.js';

/** The backup runs, newest first; Esc goes back to the start screen. */
export function RunsView({ runs, onChoose, onBack, t }: { runs: readonly Manifest[]; onChoose: (runId: string) => void; onBack: () => void; t: Translate }) {
  useInput((_input, key) => {
    if (key.escape) onBack();
  });
  const choices = runs.map((r) => ({
    value: r.runId,
    label: t('wizard.run.label', { date: new Date(r.createdAt).toLocaleString(t.lang), command: r.command, count: r.files.length }),
    hint: r.runId,
  }));
  return (
    <Box flexDirection="column">
      <Text bold>{`? ${t('wizard.runs')}`}</Text>
      <SelectView choices={choices} onSubmit={onChoose} />
      <Text dimColor>{`  ${t('wizard.hint.select')}`}</Text>
    </Box>
  );
}
