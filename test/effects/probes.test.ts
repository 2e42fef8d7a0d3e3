import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { adapters } from '../../src/core/adapters/index.js';
import { probeVersions } from '../../src/effects/probes.js';
import type { TaskEvent } from '../../src/effects/tasks.js';

async function fakeTool(dir: string, version: string, bin = 'openclaw'): Promise<void> {
  const file = path.join(dir, bin);
  await writeFile(file, `#!/bin/sh\necho x >> "${dir}/asked"\necho "${version}"\n`);
  await chmod(file, 0o755);
}

it('asks each installed tool once per process, again when the binary changes; tools not on PATH are not spawned', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-probe-'));
  await fakeTool(dir, 'OpenClaw 2026.9.6 (abc)');
  const env = { PATH: `${dir}${path.delimiter}/usr/bin${path.delimiter}/bin` };
  expect(await probeVersions(['openclaw', 'codex'], env)).toEqual({ openclaw: 'OpenClaw 2026.9.6 (abc)', codex: null });
  expect(await probeVersions(['openclaw'], env)).toEqual({ openclaw: 'OpenClaw 2026.9.6 (abc)' });
  expect((await readFile(path.join(dir, 'asked'), 'utf8')).trim().split('\n')).toHaveLength(1);
  // An upgrade in between: a different file, asked anew.
  await fakeTool(dir, 'OpenClaw 2026.10.12 (def0)');
  expect(await probeVersions(['openclaw'], env)).toEqual({ openclaw: 'OpenClaw 2026.10.12 (def0)' });
  expect((await readFile(path.join(dir, 'asked'), 'utf8')).trim().split('\n')).toHaveLength(2);
});

it("runs each adapter's own binary with its version arguments; app-only tools have none", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-probe-'));
  await fakeTool(dir, '0.24.4', 'qwen');
  const env = { PATH: `${dir}${path.delimiter}/usr/bin${path.delimiter}/bin` };
  expect(await probeVersions(['qwen-code', 'cursor'], env)).toEqual({ 'qwen-code': '0.24.4', cursor: null });
});

it('a probe that starts a process reports one task with the command lines and its seconds; an answer already known reports none', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-probe-'));
  await fakeTool(dir, 'OpenClaw 2026.9.6 (abc)');
  await writeFile(path.join(dir, 'codex'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  const env = { PATH: `${dir}${path.delimiter}/usr/bin${path.delimiter}/bin` };
  const events: TaskEvent[] = [];
  expect(await probeVersions(['openclaw', 'codex', 'qwen-code'], env, { onTask: (e) => events.push(e) })).toEqual({ openclaw: 'OpenClaw 2026.9.6 (abc)', codex: null, 'qwen-code': null });
  const argvs = [['openclaw', ...adapters.openclaw.versionArgs!], ['codex', ...adapters.codex.versionArgs!]];
  expect(events.map((e) => e.type)).toEqual(['task-start', 'task-end']);
  expect(events[0]).toMatchObject({ task: { what: { kind: 'versions', argvs } } });
  // codex answered nothing: the step did not fully succeed.
  expect(events[1]).toMatchObject({ task: events[0]!.task, ok: false, seconds: expect.any(Number) });
  events.length = 0;
  await probeVersions(['openclaw'], env, { onTask: (e) => events.push(e) });
  expect(events).toEqual([]);
});

it('PATH lookup: skips an entry that is a file, a folder named like the tool, a copy it may not run and a folder it may not read, and finds the next one', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tp-probe-'));
  const notDir = path.join(root, 'not-a-dir');
  await writeFile(notDir, 'a file, not a folder\n');
  const plain = path.join(root, 'plain');
  const locked = path.join(root, 'locked');
  const good = path.join(root, 'good');
  for (const d of [plain, locked, good]) await mkdir(d);
  // The first openclaw on PATH is not executable: the shell would pass it by too.
  await writeFile(path.join(plain, 'openclaw'), '#!/bin/sh\necho wrong\n', { mode: 0o644 });
  await fakeTool(locked, 'OpenClaw 0.0.0 (locked)');
  await chmod(locked, 0o000);
  await fakeTool(good, 'OpenClaw 2026.9.6 (good)');
  // A folder named like the tool is not the tool either.
  const folder = path.join(root, 'folder');
  await mkdir(path.join(folder, 'openclaw'), { recursive: true });
  const env = { PATH: [path.join(root, 'missing'), notDir, folder, plain, locked, good].join(path.delimiter) };
  try {
    const found = await probeVersions(['openclaw'], env);
    // As root, the locked folder is still readable and its copy runs first; as anyone else it is passed by.
    expect(found.openclaw).toBe(process.getuid?.() === 0 ? 'OpenClaw 0.0.0 (locked)' : 'OpenClaw 2026.9.6 (good)');
  } finally {
    await chmod(locked, 0o755);
  }
});
