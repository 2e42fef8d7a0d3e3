import { describe, expect, it } from 'vitest';
import { hashCommentStart, type HashCommentRules } from '../../../src/core/formats/hash-comment.js';

// The rules toml-repairs.ts and yaml-comments.ts pass in.
const TOML: HashCommentRules = { opensString: () => true, opensComment: () => true };
const YAML: HashCommentRules = {
  opensString: (text, i) => /(^|[\s:,[{-])$/.test(text.slice(0, i)),
  opensComment: (text, i) => i === 0 || /\s/.test(text[i - 1] ?? ''),
};

describe('hashCommentStart', () => {
  it('finds the `#` outside strings, or -1', () => {
    for (const rules of [TOML, YAML]) {
      expect(hashCommentStart('a = 1 # note', rules)).toBe(6);
      expect(hashCommentStart('# only', rules)).toBe(0);
      expect(hashCommentStart('a = "x # y" # z', rules)).toBe(12);
      expect(hashCommentStart("a = 'x # y' # z", rules)).toBe(12);
      expect(hashCommentStart('a = "x \\" # y" # z', rules)).toBe(15);
      expect(hashCommentStart('a = 1', rules)).toBe(-1);
    }
  });

  it('takes a backslash as an escape in double quotes only', () => {
    expect(hashCommentStart("a = 'x\\' # y", TOML)).toBe(9);
    expect(hashCommentStart("a: 'x\\' # y", YAML)).toBe(8);
  });

  it('in YAML, a `#` right after other text and a quote inside a word open nothing', () => {
    expect(hashCommentStart('url: http://x/#frag', YAML)).toBe(-1);
    expect(hashCommentStart("k: it's # note", YAML)).toBe(8);
    expect(hashCommentStart('url = "http://x/"#frag', TOML)).toBe(17);
  });
});
