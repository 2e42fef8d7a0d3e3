import { Spinner } from '@inkjs/ui';
import { Box, Static, Text, useInput } from 'ink';
import { useCallback, useSyncExternalStore } from 'react';
import type { Translate } from '../i18n/index.js';
import type { MenuChoice } from './detect.js';
import type { QuestionState } from './questions-reducer.js';
import type { WizardStore } from './store.js';
import { BlockView } from './views/block-view.js';
import { ConfirmView } from './views/confirm-view.js';
import { MenuView } from './views/menu-view.js';
import { QuestionsView } from './views/questions-view.js';
import { ReviewView } from './views/review-view.js';
import { RunsView } from './views/runs-view.js';
import { TasksView } from './views/tasks-view.js';

interface Props {
  readonly store: WizardStore;
  readonly t: Translate;
  /** A path as the user reads it (~/…). */
  readonly showPath: (p: string) => string;
}

/** The transcript (finished steps, printed once) above the one screen waiting for the user. */
export function App({ store, t, showPath }: Props) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  useInput((input, key) => {
    // Alone, Ctrl+C arrives as ctrl + "c"; typed together with other keys, as its raw byte.
    if ((key.ctrl && input === 'c') || input.includes('\u0003')) store.interrupt();
  });
  const answer = useCallback((value: unknown) => store.answer(value), [store]);
  const back = useCallback(() => store.back(), [store]);
  const screen = state.screen;
  return (
    <>
      <Static items={[...state.blocks]}>{(block) => <BlockView key={block.id} block={block} />}</Static>
      <Box flexDirection="column" key={state.screenId}>
        {state.cancelRequested && state.applying ? <Text color="yellow">{t('wizard.finishing')}</Text> : null}
        <TasksView tasks={state.tasks} t={t} />
        {screen?.kind === 'busy' ? <Spinner label={screen.label} /> : null}
        {screen?.kind === 'menu' ? <MenuView detection={screen.detection} choices={screen.choices} onChoose={(c: MenuChoice) => answer(c)} t={t} /> : null}
        {screen?.kind === 'questions' ? (
          <QuestionsView
            initial={screen.initial}
            canLeave={screen.canLeave}
            env={screen.env}
            installed={screen.installed}
            onDone={(s: QuestionState) => answer(s)}
            onLeave={back}
            t={t}
          />
        ) : null}
        {screen?.kind === 'confirm' ? <ConfirmView message={screen.message} defaultYes={screen.defaultYes} onAnswer={answer} t={t} /> : null}
        {screen?.kind === 'review' ? <ReviewView review={screen.review} home={showPath} onAnswer={answer} onBack={back} t={t} /> : null}
        {screen?.kind === 'runs' ? <RunsView runs={screen.runs} onChoose={answer} onBack={back} t={t} /> : null}
      </Box>
    </>
  );
}
