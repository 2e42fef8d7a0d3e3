import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { SelectView } from '../../src/ui/views/select-view.js';
import { press, waitForFrame } from './ink-helpers.js';

it('Home jumps back to the first row of a long list, and Enter then answers it', async () => {
  let chosen = '';
  const choices = Array.from({ length: 12 }, (_, i) => ({ value: `m${i}`, label: `model-${i}` }));
  const r = render(<SelectView choices={choices} defaultValue="m10" visible={4} onSubmit={(v) => (chosen = v)} />);
  await waitForFrame(r.lastFrame, '❯ model-10');
  await press(r.stdin, '\u001B[H');
  await waitForFrame(r.lastFrame, '❯ model-0');
  expect(r.lastFrame()).not.toContain('model-10');
  await press(r.stdin, '\r');
  expect(chosen).toBe('m0');
  r.unmount();
});
