import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/core/explain/match.js';
import { readmeExplainExamples } from '../../helpers/readme-examples.js';

/**
 * The `tp-setup explain` examples of README.md go through the matcher: each pasted text must land
 * on the entries its shown output names, with their current titles, causes and fixes (English).
 * test/e2e/explain.test.ts compares the whole shown output with what the built CLI prints.
 */
describe('README explain examples', () => {
  const examples = readmeExplainExamples();

  it('the README shows at least one explain example', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((e) => [e.line, e.text, e] as const))('README.md:%i %j lands on the entries its output shows', (_line, text, example) => {
    const result = explainText(text);
    expect(result.matched).toBe(true);
    const shown = example.output.split('\n');
    const headers = shown.filter((l) => /^[A-Z][A-Z0-9_]*(?: \(HTTP \d+\))?: /.test(l));
    expect(headers).toEqual(result.entries.map((e) => `${e.id}${e.http ? ` (HTTP ${e.http})` : ''}: ${e.title.en}`));
    const items = shown.filter((l) => l.startsWith('   - '));
    expect(items).toEqual(result.entries.flatMap((e) => [...e.causes.map((c) => `   - ${c.text.en}`), ...e.fixes.map((f) => `   - ${f.en}`)]));
  });

  it('reads both shell quotings of the pasted text, and only console blocks that run explain', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-readme-'));
    const file = path.join(dir, 'README.md');
    const fence = '```';
    await writeFile(
      file,
      [
        `${fence}console`, `$ tp-setup explain 'model "x" is not supported'`, 'E05: …', fence,
        `${fence}sh`, `$ tp-setup explain 'not an example'`, fence,
        `${fence}console`, '$ tp-setup doctor', fence,
        `${fence}console`, `$ tp-setup explain "it's \\"quoted\\" \\$HOME"`, 'out', fence,
      ].join('\n'),
    );
    expect(readmeExplainExamples(file)).toEqual([
      { line: 2, text: 'model "x" is not supported', output: 'E05: …' },
      { line: 12, text: 'it\'s "quoted" $HOME', output: 'out' },
    ]);
  });
});
