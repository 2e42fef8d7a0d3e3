import { Box, Text } from 'ink';
import type { Translate } from '../../i18n/index.js';
import type { Review } from '../store.js';
import { ConfirmView } from './confirm-view.js';

/**
 * The last screen before anything is written: each file with what happens to it, the caches
 * OpenClaw may still prefer, and the question. The masked diff sits just above, in the transcript,
 * so a long diff scrolls like any terminal output.
 */
export function ReviewView({ review, home, onAnswer, onBack, t }: { review: Review; home: (p: string) => string; onAnswer: (yes: boolean) => void; onBack: () => void; t: Translate }) {
  const pending = review.changes.filter((c) => c.action !== 'unchanged');
  return (
    <Box flexDirection="column">
      <Text bold>{t('wizard.review.title')}</Text>
      <Text>{t('setup.header', { plan: review.header.plan ?? '', region: review.header.region ?? '', model: review.header.model ?? '' })}</Text>
      {pending.map((c) => (
        <Text key={c.path}>{`  ${t(`action.${c.action}`)} ${home(c.path)} · ${t(c.action === 'create' ? 'wizard.review.create' : 'wizard.review.update')}`}</Text>
      ))}
      {(review.notes ?? []).map((n, i) => (
        <Text key={`note-${i}`} color={n.severity === 'error' ? 'red' : 'yellow'}>{`  ${n.severity === 'error' ? '✖' : '!'} ${n.message}`}</Text>
      ))}
      {review.caches.length > 0 ? (
        <>
          <Text>{t('wizard.review.caches')}</Text>
          {review.caches.map((a) => (
            <Text key={a.file}>{`  ${home(a.file)}`}</Text>
          ))}
        </>
      ) : null}
      <Text dimColor>{t('wizard.review.restore')}</Text>
      <ConfirmView message={t('wizard.review.question')} defaultYes onAnswer={onAnswer} onBack={onBack} hint={t('wizard.review.hint')} t={t} />
    </Box>
  );
}
