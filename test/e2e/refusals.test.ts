import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, snapshotTree, tempHome } from '../helpers/cli.js';
import { KEYS, PtyRun } from '../helpers/pty.js';

describe('refusals leave every file byte-identical', () => {
  it.each([
    { tool: 'claude-code', rel: '.claude/settings.json', text: '{\n  // comments break Claude Code\n  "env": {}\n}\n', line: 2 },
    { tool: 'qwen-code', rel: '.qwen/settings.json', text: '{\n  "model": { "name": "x" \n  "env": {}\n}\n', line: 3 },
    { tool: 'openclaw', rel: '.openclaw/openclaw.json', text: '{\n  models: {\n    providers: {,}\n  }\n}\n', line: 3 },
  ])('unparseable $rel → exit 4 naming file, line and column', async ({ tool, rel, text, line }) => {
    const home = await tempHome();
    await mkdir(path.dirname(path.join(home, rel)), { recursive: true });
    await writeFile(path.join(home, rel), text);
    const before = await snapshotTree(home);
    const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', tool, '--yes', '--key-env', 'K', '--home', home], {
      env: cleanEnv(home, { K: PLAN_KEY }),
    });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain(path.join(home, rel));
    expect(r.stderr).toMatch(new RegExp(`line ${line}, column \\d+`));
    expect(await snapshotTree(home)).toEqual(before);
  });

  it('a file changed between review and write → exit 4, nothing written', async () => {
    const home = await tempHome();
    const file = path.join(home, '.claude/settings.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{\n  "theme": "dark"\n}\n');
    const run = new PtyRun(['--plain', '--plan', 'coding', '--region', 'cn', '--tools', 'claude-code,qwen-code', '--model', 'qwen3.5-plus', '--thinking', 'on', '--key-env', 'K', '--home', home], {
      ...cleanEnv(home, { K: PLAN_KEY }),
      TERM: 'xterm',
    });
    // Every answer and the key come from flags, so the only question left is the review's confirm.
    await run.waitFor('Write these changes?');
    await writeFile(file, '{\n  "theme": "light"\n}\n');
    const snapshot = await snapshotTree(home);
    run.write(KEYS.enter);
    const code = await run.exited;
    expect(code).toBe(4);
    expect(run.output).toContain('changed on disk');
    expect(await snapshotTree(home)).toEqual(snapshot);
    expect(await readFile(file, 'utf8')).toBe('{\n  "theme": "light"\n}\n');
  });
});
