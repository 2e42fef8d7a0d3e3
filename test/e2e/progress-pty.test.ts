/**
 * Slow steps in a real terminal (issue #13): the wizard's cleanup shows a spinner with the running
 * OpenClaw command and its elapsed time, then the result; the stand-in `openclaw`
 * (test/helpers/fake-openclaw.ts) takes 1.5 s per list.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';
import { fakeOpenclaw } from '../helpers/fake-openclaw.js';
import { PtyRun } from '../helpers/pty.js';

describe('slow steps in the wizard (built CLI, real pseudo-terminal)', () => {
  it('clean: a spinner names the running OpenClaw command with its seconds; its result stays on screen after', async () => {
    const home = await tempHome();
    const setup = await runCli(['--plan', 'coding', '--region', 'cn', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home], { env: cleanEnv(home, { K: PLAN_KEY }) });
    expect(setup.exitCode, setup.stderr).toBe(0);
    // A stale cache, so the start screen offers the cleanup; OpenClaw 2026.9.6 with its own store.
    const cache = path.join(home, '.openclaw/agents/main/agent/models.json');
    await mkdir(path.dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify({ providers: { bailian: { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', models: [] } } }));
    await mkdir(path.join(home, '.openclaw/state'), { recursive: true });
    await writeFile(path.join(home, '.openclaw/state/openclaw.sqlite'), JSON.stringify({ profiles: {} }));
    const oc = await fakeOpenclaw();
    await oc.slowOn('models auth list', 1500);
    const env = { ...cleanEnv(home), PATH: `${oc.binDir}:${path.dirname(process.execPath)}:/usr/bin:/bin`, TERM: 'xterm-256color' };
    const run = new PtyRun(['--home', home], env);
    try {
      await run.waitFor(/❯ Clean stale OpenClaw caches/);
      await new Promise((r) => setTimeout(r, 60));
      run.write('\r');
      await run.waitFor(/keeps an old baseUrl[\s\S]*Enter\/y yes/);
      await new Promise((r) => setTimeout(r, 60));
      run.write('y');
      // While the list runs: the spinner line with the command and the seconds so far.
      await run.waitFor(/running openclaw models auth list --json · [01] s/);
      await run.waitFor(/✔ done in \d+\.\d s · openclaw models auth list --json/);
      const result = run.output.lastIndexOf('✔ done in');
      expect(Number(/done in ([\d.]+) s/.exec(run.output.slice(result))![1])).toBeGreaterThanOrEqual(1.5);
      // Restart question (a file changed): no.
      await run.waitFor(/restart/i);
      await new Promise((r) => setTimeout(r, 60));
      run.write('n');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });
});
