import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

/**
 * tp-setup asks the installed `openclaw --version` before choosing the config shape. Here a
 * stand-in executable on PATH prints what a given release prints; the real releases are run by
 * the real-tool suite.
 */
async function fakeOpenclaw(printed: string): Promise<string> {
  const bin = path.join(await tempHome('tp-bin-'), 'bin');
  await mkdir(bin);
  const file = path.join(bin, 'openclaw');
  await writeFile(file, `#!/bin/sh\necho '${printed}'\n`);
  await chmod(file, 0o755);
  return bin;
}

describe('setup reads the installed OpenClaw version', () => {
  it.each([
    { printed: '2026.5.2', compat: false, finding: 'OPENCLAW_THINKING_FORMAT_UNSUPPORTED' },
    { printed: 'OpenClaw 2026.9.6 (eb377ac)', compat: true, finding: null },
  ])('$printed', async ({ printed, compat, finding }) => {
    const home = await tempHome();
    const bin = await fakeOpenclaw(printed);
    const r = await runCli(['--plan', 'token-team', '--region', 'intl', '--tools', 'openclaw', '--yes', '--key-env', 'K', '--home', home, '--json'], {
      env: cleanEnv(home, { K: PLAN_KEY, PATH: `${bin}:${process.env.PATH}` }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const config = JSON5.parse(await readFile(path.join(home, '.openclaw/openclaw.json'), 'utf8'));
    expect(config.models.providers.bailian.models[0].compat !== undefined).toBe(compat);
    const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
    if (finding) expect(codes).toContain(finding);
    else expect(codes).not.toContain('OPENCLAW_THINKING_FORMAT_UNSUPPORTED');
  });
});
