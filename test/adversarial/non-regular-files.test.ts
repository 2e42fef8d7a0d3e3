/**
 * Class 2: a config that is, or links to, a device, FIFO, socket, folder or a symlink loop is
 * refused with exit 4 before anything could block on it, and is never replaced. A dangling
 * symlink is written through: its target is created and the link survives setup and restore.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import { MAX_CONFIG_BYTES } from '../../src/core/limits.js';
import { readBytes, readFileState, readTexts, removeFile, writeAtomic } from '../../src/effects/fs.js';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

const SETUP = ['--plan', 'token-team', '--region', 'intl', '--yes', '--key-env', 'K'];
/** One config per tool and format, relative to the home. */
const CONFIGS: readonly [tool: string, rel: string][] = [
  ['claude-code', '.claude/settings.json'],
  ['claude-code', '.claude.json'],
  ['qwen-code', '.qwen/settings.json'],
  ['qwen-code', '.qwen/.env'],
  ['codex', '.codex/config.toml'],
  ['hermes', '.hermes/config.yaml'],
  ['hermes', '.hermes/.env'],
  ['openclaw', '.openclaw/openclaw.json'],
];

type Kind = 'fifo' | 'dir' | 'socket' | 'dev-null' | 'dev-zero' | 'dev-block' | 'loop' | 'link-to-dir' | 'link-to-fifo';
const KINDS: readonly Kind[] = ['fifo', 'dir', 'socket', 'dev-null', 'dev-zero', 'dev-block', 'loop', 'link-to-dir', 'link-to-fifo'];
const BLOCK = '/dev/loop0';
const hasBlock = await stat(BLOCK).then((s) => s.isBlockDevice(), () => false);

/** Make `p` the hostile thing; returns what must still be there afterwards. */
async function plant(p: string, kind: Kind, servers: net.Server[]): Promise<() => Promise<boolean>> {
  await mkdir(path.dirname(p), { recursive: true });
  switch (kind) {
    case 'fifo':
      execFileSync('mkfifo', [p]);
      return async () => (await lstat(p)).isFIFO();
    case 'dir':
      await mkdir(p);
      return async () => (await lstat(p)).isDirectory();
    case 'socket': {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(p, resolve));
      return async () => (await lstat(p)).isSocket();
    }
    case 'dev-null':
    case 'dev-zero':
    case 'dev-block': {
      const dev = kind === 'dev-null' ? '/dev/null' : kind === 'dev-zero' ? '/dev/zero' : BLOCK;
      await symlink(dev, p);
      return async () => (await readlink(p)) === dev && !(await stat(dev)).isFile();
    }
    case 'loop':
      await symlink(`${p}.b`, p);
      await symlink(p, `${p}.b`);
      return async () => (await lstat(p)).isSymbolicLink() && (await lstat(`${p}.b`)).isSymbolicLink();
    case 'link-to-dir':
      await mkdir(`${p}.real`);
      await symlink(`${p}.real`, p);
      return async () => (await lstat(p)).isSymbolicLink() && (await stat(p)).isDirectory();
    case 'link-to-fifo':
      execFileSync('mkfifo', [`${p}.fifo`]);
      // Two hops: a link to a link to the FIFO.
      await symlink(`${p}.fifo`, `${p}.mid`);
      await symlink(`${p}.mid`, p);
      return async () => (await stat(p)).isFIFO();
  }
}

const EXPECTED_CODE: Record<Kind, string> = {
  fifo: 'error.notRegular',
  dir: 'error.notRegular',
  socket: 'error.notRegular',
  'dev-null': 'error.notRegular',
  'dev-zero': 'error.notRegular',
  'dev-block': 'error.notRegular',
  loop: 'error.symlinkLoop',
  'link-to-dir': 'error.notRegular',
  'link-to-fifo': 'error.notRegular',
};

async function noKeyAnywhere(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    if (p.includes(`${path.sep}backups${path.sep}`)) continue;
    expect(await readFile(p, 'utf8'), p).not.toContain(PLAN_KEY);
  }
}

describe('non-regular configs (effects, generated)', () => {
  it('every reader and writer refuses every kind at every config path, and leaves it in place', async () => {
    const servers: net.Server[] = [];
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONFIGS), fc.constantFrom(...KINDS.filter((k) => hasBlock || k !== 'dev-block')), fc.constantFrom('readTexts', 'readFileState', 'readBytes', 'writeAtomic', 'removeFile'), async ([, rel], kind, op) => {
        const home = await tempHome('tp-nonreg-');
        const p = path.join(home, rel);
        const intact = await plant(p, kind, servers);
        const call = {
          readTexts: () => readTexts([p]),
          readFileState: () => readFileState(p),
          readBytes: () => readBytes(p),
          writeAtomic: () => writeAtomic(p, `K=${PLAN_KEY}\n`, 0o600),
          removeFile: () => removeFile(p),
        }[op];
        const err = await call().then(() => null, (e: unknown) => e);
        expect(err, `${op} ${kind} ${rel}`).toBeInstanceOf(CliError);
        expect((err as CliError).exitCode).toBe(4);
        expect((err as CliError).code).toBe(EXPECTED_CODE[kind]);
        expect((err as CliError).params.path).toBe(p);
        expect(await intact()).toBe(true);
        cases++;
      }),
      { numRuns: 150 },
    );
    for (const s of servers) s.close();
    expect(cases).toBe(150);
  }, 40_000);

  it('refuses a file over MAX_CONFIG_BYTES from its size alone (a sparse 4 GiB file is not read)', async () => {
    const home = await tempHome('tp-big-');
    const p = path.join(home, 'settings.json');
    await writeFile(p, '{}');
    for (const size of [MAX_CONFIG_BYTES + 1, 4 * 1024 ** 3]) {
      await truncate(p, size);
      const started = Date.now();
      const err = (await readTexts([p]).catch((e: unknown) => e)) as CliError;
      expect(err.code).toBe('error.tooLarge');
      expect(err.params).toEqual({ path: p, size, limit: MAX_CONFIG_BYTES });
      expect(Date.now() - started).toBeLessThan(500);
    }
    await truncate(p, MAX_CONFIG_BYTES);
    expect((await readFileState(p)).text?.length).toBe(MAX_CONFIG_BYTES);
  });
});

describe('non-regular configs (the CLI)', () => {
  it.each(KINDS.filter((k) => k !== 'dev-block' || hasBlock).map((k, i) => [k, CONFIGS[i % CONFIGS.length]!] as const))(
    '%s at %s: exit 4 within seconds, named in the message, nothing replaced, no key written, no run left',
    async (kind, [tool, rel]) => {
      const home = await tempHome('tp-nonreg-cli-');
      const p = path.join(home, rel);
      const servers: net.Server[] = [];
      const intact = await plant(p, kind, servers);
      // HOME alone (no --home): tp-setup's state goes to <home>/.local/state/tp-setup all the same.
      const r = await runCli([...SETUP, '--tools', tool, '--json'], { env: cleanEnv(home, { K: PLAN_KEY }) });
      expect(r.exitCode, r.stdout + r.stderr).toBe(4);
      const doc = JSON.parse(r.stdout) as { error: { code: string; params: Record<string, unknown> } };
      expect(doc.error.code).toBe(EXPECTED_CODE[kind]);
      expect(doc.error.params.path).toBe(p);
      expect(await intact()).toBe(true);
      await noKeyAnywhere(home);
      const runs = await readdir(path.join(home, '.local', 'state', 'tp-setup', 'backups')).catch(() => []);
      expect(runs).toEqual([]);
      for (const s of servers) s.close();
    },
  );

  it('doctor and key refuse too (exit 4), and the message is in the user language', async () => {
    const home = await tempHome('tp-nonreg-doc-');
    await plant(path.join(home, '.qwen', '.env'), 'fifo', []);
    const doctor = await runCli(['doctor', '--tools', 'qwen-code'], { env: cleanEnv(home, { TP_SETUP_LANG: 'zh-CN' }) });
    expect(doctor.exitCode).toBe(4);
    expect(doctor.stderr + doctor.stdout).toContain('不是普通文件');
    expect(doctor.stderr + doctor.stdout).toContain(path.join(home, '.qwen', '.env'));
  });
});

describe('files another user owns (EACCES), run as nobody', () => {
  const NOBODY = 65534;
  const canDrop = (() => {
    try {
      execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
      return process.getuid?.() === 0;
    } catch {
      return false;
    }
  })();

  // Skipped unless root with setpriv: it needs to run the CLI as another user.
  it.skipIf(!canDrop).each([
    ['an unreadable config', 'file'],
    ['an unreadable folder on the way', 'dir'],
  ])('%s: exit 4, error.permissionDenied naming the file, nothing written', async (_name, what) => {
    const home = await tempHome('tp-eacces-');
    const qwen = path.join(home, '.qwen');
    await mkdir(qwen);
    const p = path.join(qwen, 'settings.json');
    await writeFile(p, '{}\n', { mode: 0o600 });
    execFileSync('chown', [`${NOBODY}:${NOBODY}`, home]);
    if (what === 'file') execFileSync('chown', [`${NOBODY}:${NOBODY}`, qwen]);
    else execFileSync('chmod', ['0700', qwen]);
    const env = { ...cleanEnv(home, { K: PLAN_KEY }), LANG: 'C.UTF-8' };
    const out = execFileSync('sh', ['-c', `setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups "$0" "$@"; echo "rc=$?"`, process.execPath, path.join(process.cwd(), 'dist', 'cli.cjs'), ...SETUP, '--tools', 'qwen-code', '--json'], { env }).toString();
    expect(out).toMatch(/rc=4\s*$/);
    const doc = JSON.parse(out.replace(/rc=\d+\s*$/, '')) as { error: { code: string; params: { path: string } } };
    expect(doc.error.code).toBe('error.permissionDenied');
    expect(doc.error.params.path).toBe(p);
    expect(await readFile(p, 'utf8')).toBe('{}\n');
  });
});

describe('dangling symlinks: written through, the link survives setup and restore', () => {
  it('setup creates the target, the link stays; restore removes the target, the link stays', async () => {
    const home = await tempHome('tp-dangling-');
    const dot = path.join(home, 'dotfiles', 'claude');
    await mkdir(path.join(home, '.claude'), { recursive: true });
    const link = path.join(home, '.claude', 'settings.json');
    await symlink(path.join(dot, 'settings.json'), link);
    const env = cleanEnv(home, { K: PLAN_KEY });
    const r = await runCli([...SETUP, '--tools', 'claude-code'], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dot, 'settings.json'), 'utf8')).toContain('ANTHROPIC_BASE_URL');
    const back = await runCli(['restore', '--yes'], { env });
    expect(back.exitCode, back.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(path.join(dot, 'settings.json'));
    expect(await stat(link).then(() => 'exists', () => 'dangling')).toBe('dangling');
  });

  it('generated link chains (relative and absolute, 1-5 hops, dangling at the end) keep every link', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.boolean(), async (relative, secret) => {
        const home = await tempHome('tp-chain-');
        const names = relative.map((_, i) => path.join(home, `l${i}`));
        const end = path.join(home, 'store', 'deep', 'real.env');
        for (const [i, name] of names.entries()) {
          const to = names[i + 1] ?? end;
          await symlink(relative[i] ? path.relative(home, to) : to, name);
        }
        await writeAtomic(names[0]!, 'A=1\n', secret ? 0o600 : undefined);
        for (const n of names) expect((await lstat(n)).isSymbolicLink()).toBe(true);
        expect(await readFile(end, 'utf8')).toBe('A=1\n');
        await removeFile(names[0]!);
        for (const n of names) expect((await lstat(n)).isSymbolicLink()).toBe(true);
        expect(await stat(end).then(() => true, () => false)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
