import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/commands/io.js';
import { readBytes, readFileState, readTexts } from '../../src/effects/fs.js';
import { cleanEnv, runCli, tempHome } from '../helpers/cli.js';

describe('readFileState', () => {
  it('reads every byte of files around the sizes its buffers have, and no more', async () => {
    const dir = await tempHome();
    for (const size of [0, 1, 4095, 4096, 8193, 65535, 65536, 65537, 300_001]) {
      const text = Array.from({ length: size }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      const file = path.join(dir, `f-${size}.json`);
      await writeFile(file, text);
      const s = await readFileState(file);
      expect(s.text).toBe(text);
      expect(s.binary).toBe(false);
    }
  });

  it('tells text that is not UTF-8 from text that holds U+FFFD itself, and keeps a BOM', async () => {
    const dir = await tempHome();
    const latin1 = path.join(dir, 'latin1.json');
    await writeFile(latin1, Buffer.from('{"name": "caf\xe9"}\n', 'latin1'));
    const replacement = path.join(dir, 'replacement.json');
    await writeFile(replacement, '{"name": "\uFFFD"}\n');
    const bom = path.join(dir, 'bom.json');
    await writeFile(bom, '\uFEFF{"a": 1}\r\n');
    const surrogate = path.join(dir, 'cesu.json');
    // A surrogate encoded on its own (CESU-8): not UTF-8, though each byte looks the part.
    await writeFile(surrogate, Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d]));

    expect((await readFileState(latin1)).binary).toBe(true);
    expect((await readFileState(surrogate)).binary).toBe(true);
    expect(await readFileState(replacement)).toMatchObject({ binary: false, text: '{"name": "\uFFFD"}\n' });
    expect(await readFileState(bom)).toMatchObject({ binary: false, text: '\uFEFF{"a": 1}\r\n' });
    await expect(readTexts([latin1])).rejects.toMatchObject({ exitCode: 4 });
  });

  // Files in /proc say they are empty and are not: what a file that grew after it was measured
  // looks like. Its bytes come through the buffer readRegular shares, and must be copied out of it.
  it.runIf(process.platform === 'linux')('reads on past the size a file had, and a later read leaves the earlier bytes alone', async () => {
    const first = await readBytes('/proc/version');
    const held = first ? Buffer.from(first.bytes) : null;
    const second = await readFileState('/proc/filesystems');
    expect(first?.bytes.length).toBeGreaterThan(0);
    expect(first?.bytes.equals(readFileSync('/proc/version'))).toBe(true);
    expect(second.text).toBe(readFileSync('/proc/filesystems', 'utf8'));
    expect(first?.bytes.equals(held as Buffer)).toBe(true);
  });
});

describe('a config that is not UTF-8', () => {
  it('is refused by setup with exit 4, named, and left byte for byte', async () => {
    const home = await tempHome();
    const settings = path.join(home, '.claude', 'settings.json');
    const bytes = Buffer.from('{\n  // caf\xe9\n  "model": "x"\n}\n', 'latin1');
    await mkdir(path.dirname(settings), { recursive: true });
    await writeFile(settings, bytes);
    const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'claude-code', '--key-env', 'K', '--yes', '--home', home], {
      env: cleanEnv(home, { K: 'sk-sp-test-0000-1111-2222-abcd' }),
    });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain(settings);
    expect(readFileSync(settings).equals(bytes)).toBe(true);
  });
});

describe('isoDay', () => {
  it('gives what toISOString gives, for every day around the turns of years, months and leap days', () => {
    const checked: string[] = [];
    for (const start of [Date.UTC(1999, 11, 25), Date.UTC(2000, 1, 20), Date.UTC(2026, 11, 28), Date.UTC(2100, 1, 25), new Date(0).setUTCFullYear(99, 0, 1)]) {
      for (let day = 0; day < 40; day++) {
        for (const ms of [0, 1, 86_399_999]) {
          const d = new Date(start + day * 86_400_000 + ms);
          expect(isoDay(d)).toBe(d.toISOString().slice(0, 10));
          checked.push(isoDay(d));
        }
      }
    }
    expect(new Set(checked).size).toBe(200);
  });
});
