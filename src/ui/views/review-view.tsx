import { Box, Text, useInput, useStdout } from 'ink';
import { useMemo, useState } from 'react';
import type { Translate } from '../../i18n/index.js';
import { pageSize, screenRows, scrolled, type PagerKey } from '../diff-pager.js';
import type { Review } from '../store.js';
import { diffScreenLines, DiffLine } from './block-view.js';
import { ConfirmView } from './confirm-view.js';

/** Rows the review needs beside the diff: its title, the pager line, the question and its hint, one spare. */
const CHROME_ROWS = 5;

function pagerKey(input: string, key: { upArrow: boolean; downArrow: boolean; pageUp: boolean; pageDown: boolean; home: boolean; end: boolean }): PagerKey | null {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'pageUp';
  // Space pages on, as in `less`.
  if (key.pageDown || input === ' ') return 'pageDown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  return null;
}

/**
 * The last screen before anything is written: the masked diff, each file with what happens to it,
 * the caches OpenClaw may still prefer, and the question. A diff taller than the terminal scrolls
 * inside the review, so going back and forth never leaves an old diff above the new one.
 */
export function ReviewView({ review, home, onAnswer, onBack, t }: { review: Review; home: (p: string) => string; onAnswer: (yes: boolean) => void; onBack: () => void; t: Translate }) {
  const { stdout } = useStdout();
  const columns = stdout.columns || 80;
  const rows = stdout.rows || 24;
  const pending = review.changes.filter((c) => c.action !== 'unchanged');
  const summary: { key: string; text: string; color?: string; dim?: boolean }[] = [
    { key: 'header', text: t('setup.header', { plan: review.header.plan ?? '', region: review.header.region ?? '', model: review.header.model ?? '' }) },
    ...pending.map((c) => ({ key: c.path, text: `  ${t(`action.${c.action}`)} ${home(c.path)} · ${t(c.action === 'create' ? 'wizard.review.create' : 'wizard.review.update')}` })),
    ...(review.notes ?? []).map((n, i) => ({ key: `note-${i}`, text: `  ${n.severity === 'error' ? '✖' : '!'} ${n.message}`, color: n.severity === 'error' ? 'red' : 'yellow' })),
    ...(review.caches.length > 0 ? [{ key: 'caches', text: t('wizard.review.caches') }, ...review.caches.map((a) => ({ key: a.file, text: `  ${home(a.file)}` }))] : []),
    { key: 'restore', text: t('wizard.review.restore'), dim: true },
  ];
  const lines = useMemo(() => (review.diffs.length > 0 ? diffScreenLines(review.diffs.join('\n'), columns) : []), [review.diffs, columns]);
  const around = CHROME_ROWS + screenRows(t('wizard.review.title'), columns) + summary.reduce((n, s) => n + screenRows(s.text, columns), 0);
  const page = pageSize(rows, around);
  const paged = lines.length > page;
  const [top, setTop] = useState(0);
  useInput((input, key) => {
    const k = paged ? pagerKey(input, key) : null;
    if (k) setTop((current) => scrolled(current, k, page, lines.length));
  });
  const first = Math.min(top, Math.max(0, lines.length - page));
  const shown = paged ? lines.slice(first, first + page) : lines;
  return (
    <Box flexDirection="column">
      <Text bold>{t('wizard.review.title')}</Text>
      {lines.length > 0 ? <Text>{t('wizard.review.diff')}</Text> : null}
      {shown.map((line, i) => (
        <DiffLine key={first + i} line={line} />
      ))}
      {paged ? <Text dimColor>{t('wizard.review.pager', { from: String(first + 1), to: String(first + shown.length), total: String(lines.length) })}</Text> : null}
      {summary.map((s) => (
        <Text key={s.key} color={s.color} dimColor={s.dim}>
          {s.text}
        </Text>
      ))}
      <ConfirmView message={t('wizard.review.question')} defaultYes onAnswer={onAnswer} onBack={onBack} hint={t('wizard.review.hint')} t={t} />
    </Box>
  );
}
