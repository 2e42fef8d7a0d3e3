import { describe, expect, it } from 'vitest';
import { dotenvEditor } from '../../src/core/formats/dotenv.js';

const MESSY = '# OpenClaw secrets\r\nexport OTHER_TOKEN="a b"\r\n\r\nBAILIAN_API_KEY=sk-sp-old-0000 # old\r\n# trailing note\r\n';

describe('dotenv editor', () => {
  it('parses bare, quoted and exported values, skipping comments', () => {
    const r = dotenvEditor.parse(MESSY);
    expect(r).toEqual({ ok: true, value: { OTHER_TOKEN: 'a b', BAILIAN_API_KEY: 'sk-sp-old-0000' } });
  });

  it('replaces a value on its own line, keeping its comment, and keeps every other byte, CRLF included', () => {
    const out = dotenvEditor.apply(MESSY, [{ op: 'set', path: ['BAILIAN_API_KEY'], value: 'sk-sp-new-1111' }]);
    expect(out).toBe('# OpenClaw secrets\r\nexport OTHER_TOKEN="a b"\r\n\r\nBAILIAN_API_KEY=sk-sp-new-1111 # old\r\n# trailing note\r\n');
  });

  it('appends a new variable before the final newline, and quotes values that need it', () => {
    expect(dotenvEditor.apply('A=1\n', [{ op: 'set', path: ['B'], value: 'x y' }])).toBe('A=1\nB="x y"\n');
    expect(dotenvEditor.apply('A=1', [{ op: 'set', path: ['B'], value: 'v' }])).toBe('A=1\nB=v\n');
    expect(dotenvEditor.apply('', [{ op: 'set', path: ['B'], value: 'v' }])).toBe('B=v\n');
  });

  it('deletes every definition of a variable and nothing else', () => {
    const text = 'K=1\n# keep\nK=2\nL=3\n';
    expect(dotenvEditor.apply(text, [{ op: 'delete', path: ['K'] }])).toBe('# keep\nL=3\n');
  });

  it('refuses a line that is not KEY=value, naming the line', () => {
    const r = dotenvEditor.parse('A=1\nthis is not env\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.line).toBe(2);
  });

  it('keeps a BOM', () => {
    expect(dotenvEditor.apply('\uFEFFA=1\n', [{ op: 'set', path: ['A'], value: '2' }])).toBe('\uFEFFA=2\n');
  });
});
