import { Spinner } from '@inkjs/ui';
import { Box } from 'ink';
import { useEffect, useState } from 'react';
import type { Translate } from '../../i18n/index.js';
import type { RunningTask } from '../store.js';

/**
 * The slow steps running now (OpenClaw's commands, version probes, one-shots, network checks),
 * each as a spinner with what it does and how long it has run; the time ticks every second.
 * Spinner: https://github.com/vadimdemedes/ink-ui#spinner
 */
export function TasksView({ tasks, t }: { readonly tasks: readonly RunningTask[]; readonly t: Translate }) {
  const [now, setNow] = useState(() => Date.now());
  const running = tasks.length > 0;
  useEffect(() => {
    if (!running) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!running) return null;
  return (
    <Box flexDirection="column">
      {tasks.map((task) => {
        const seconds = Math.max(0, Math.floor((now - task.startedAt) / 1000));
        return <Spinner key={task.id} label={`${task.label} · ${t('task.elapsed', { seconds })}`} />;
      })}
    </Box>
  );
}
