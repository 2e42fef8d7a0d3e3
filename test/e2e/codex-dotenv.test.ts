import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planKeyVar } from '../../src/core/adapters/key-vars.js';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

const OLD = 'sk-sp-test-old0-1111-2222-dead';
const VAR = planKeyVar('token-team');

describe("Codex's own .env", () => {
  it('holds the key already: setup replaces that copy, the one Codex uses, and leaves the rest of the file', async () => {
    const home = await tempHome();
    await mkdir(path.join(home, '.codex'));
    const env = path.join(home, '.codex/.env');
    await writeFile(env, `# my Codex secrets\r\nGITHUB_TOKEN_NAME=ci\r\n${VAR}=${OLD}\r\n`, { mode: 0o600 });
    const r = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'codex', '--yes', '--key-env', 'K', '--home', home, '--json'], {
      // A stale exported copy: Codex would still read the .env one, so it is not what decides.
      env: cleanEnv(home, { K: PLAN_KEY, [VAR]: OLD }),
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(env, 'utf8')).toBe(`# my Codex secrets\r\nGITHUB_TOKEN_NAME=ci\r\n${VAR}=${PLAN_KEY}\r\n`);
    expect((await stat(env)).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { code: string }) => f.code)).not.toContain('ENV_OVERRIDE');
    expect(doc.nextSteps.map((s: { code: string }) => s.code)).not.toContain('next.codexExport');
    expect(r.stdout).not.toContain(PLAN_KEY);
  });

  it('does not hold it: the file is left alone and the exported variable is what Codex reads', async () => {
    const home = await tempHome();
    await mkdir(path.join(home, '.codex'));
    const env = path.join(home, '.codex/.env');
    await writeFile(env, 'OTHER=1\n');
    const r = await runCli(['--plan', 'token-team', '--region', 'cn', '--tools', 'codex', '--yes', '--key-env', 'K', '--home', home, '--json'], { env: cleanEnv(home, { K: PLAN_KEY, [VAR]: OLD }) });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(await readFile(env, 'utf8')).toBe('OTHER=1\n');
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.find((f: { code: string }) => f.code === 'ENV_OVERRIDE')).toMatchObject({ tool: 'codex', params: { variable: VAR, winner: 'environment' } });
  });
});
