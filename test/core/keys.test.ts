import { describe, expect, it } from 'vitest';
import type { PlanId, RegionId } from '../../src/core/catalog/index.js';
import { classifyKey, keyFindings, maskKey, normalizeKey, redactSecrets } from '../../src/core/keys.js';
import type { KeyKind } from '../../src/core/keys.js';

// Random-looking but obviously fake; long enough to be masked with a tail.
const PLAN_KEY = 'sk-sp-test-0123-4567-89ab-0123-cdef';
const PAYG_KEY = 'sk-test-0123-4567-89ab-0123-cdef';
const WS_KEY = 'sk-ws-test-0123-4567-89ab-0123-cdef';

describe('normalizeKey', () => {
  it.each([
    [PLAN_KEY, PLAN_KEY, []],
    [`  ${PLAN_KEY}\t`, PLAN_KEY, ['whitespace']],
    [`${PLAN_KEY}\n`, PLAN_KEY, ['linebreak']],
    [`${PLAN_KEY}\r\n`, PLAN_KEY, ['linebreak']],
    [' sk-sp-0123\n    456789abcdef ', 'sk-sp-0123456789abcdef', ['whitespace', 'linebreak']],
    ['sk-sp-0123\u200B4567\uFEFF89\u2060ab\u200Ccd\u200D', 'sk-sp-0123456789abcd', ['zero-width']],
    [`"${PLAN_KEY}"`, PLAN_KEY, ['quotes']],
    [`'${PLAN_KEY}'`, PLAN_KEY, ['quotes']],
    [`\`${PLAN_KEY}\``, PLAN_KEY, ['quotes']],
    [`\u201C${PLAN_KEY}\u201D`, PLAN_KEY, ['quotes']],
    [` "${PLAN_KEY} "\n`, PLAN_KEY, ['whitespace', 'linebreak', 'quotes']],
    ['sk-sp-0123 4567', 'sk-sp-0123 4567', ['inner-space']],
    [' "sk-sp-0123 4567" ', 'sk-sp-0123 4567', ['whitespace', 'quotes', 'inner-space']],
  ] as const)('%j → %j', (raw, value, problems) => {
    expect(normalizeKey(raw)).toEqual({ value, problems });
  });

  it('leaves a lone or mismatched quote in place', () => {
    expect(normalizeKey(`"${PLAN_KEY}`).value).toBe(`"${PLAN_KEY}`);
    expect(normalizeKey(`"${PLAN_KEY}'`).value).toBe(`"${PLAN_KEY}'`);
  });

  it('is idempotent', () => {
    for (const raw of [` "${PLAN_KEY}"\n`, 'sk-sp-0123\u200B4567', 'a b']) {
      const once = normalizeKey(raw).value;
      expect(normalizeKey(once).value).toBe(once);
    }
  });
});

describe('classifyKey', () => {
  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['YOUR_API_KEY', 'placeholder'],
    ['your_api_key', 'placeholder'],
    ['Your-Api-Key', 'placeholder'],
    ['sk-sp-xxx', 'placeholder'],
    ['sk-xxx', 'placeholder'],
    ['sk-sp-xxxxxxxxxxxx', 'placeholder'],
    ['<USER_API_KEY>', 'placeholder'],
    ['<your key here>', 'placeholder'],
    ['xxxxxxxx', 'placeholder'],
    ['xxx...', 'placeholder'],
    ['sk-sp-****', 'masked'],
    ['sk-sp-****************abcd', 'masked'],
    ['sk-sp-\u2026abcd', 'masked'],
    ['sk-sp-0123...abcd', 'masked'],
    ['ms-0123456789abcdef', 'modelscope'],
    [PLAN_KEY, 'plan'],
    [WS_KEY, 'payg-workspace'],
    [PAYG_KEY, 'payg'],
    ['sk-ant-api03-0123456789abcdef', 'other-vendor'],
    ['sk-or-v1-0123456789abcdef', 'other-vendor'],
    ['sk-tp-0123456789abcdef', 'other-vendor'],
    ['tp-0123456789abcdef', 'other-vendor'],
    ['0123456789abcdef0123456789abcdef', 'unknown'],
    [` "${PLAN_KEY}"\n`, 'plan'],
  ] as const)('%j is %s', (value, kind) => {
    expect(classifyKey(value)).toBe(kind);
  });
});

type Expect = 'error' | 'warning' | undefined;

// Severity of KEY_WRONG_KIND for each key kind on each plan/region (undefined: no finding).
const matrix: ReadonlyArray<readonly [PlanId, RegionId, string, KeyKind, Expect]> = [
  ...(['cn', 'intl'] as const).flatMap((region) => [
    ['coding', region, PLAN_KEY, 'plan', undefined] as const,
    ['coding', region, PAYG_KEY, 'payg', 'error'] as const,
    ['coding', region, WS_KEY, 'payg-workspace', 'error'] as const,
    ['token-personal', region, PLAN_KEY, 'plan', undefined] as const,
    ['token-personal', region, WS_KEY, 'payg-workspace', 'error'] as const,
    ['token-team', region, PLAN_KEY, 'plan', undefined] as const,
    ['token-team', region, WS_KEY, 'payg-workspace', 'error'] as const,
  ]),
  ['token-personal', 'cn', PAYG_KEY, 'payg', 'error'],
  ['token-team', 'cn', PAYG_KEY, 'payg', 'error'],
  ['token-personal', 'intl', PAYG_KEY, 'payg', 'warning'],
  ['token-team', 'intl', PAYG_KEY, 'payg', 'warning'],
  ...(['cn', 'intl', 'us', 'hk'] as const).flatMap((region) => [
    ['payg', region, PLAN_KEY, 'plan', 'error'] as const,
    ['payg', region, PAYG_KEY, 'payg', undefined] as const,
    ['payg', region, WS_KEY, 'payg-workspace', undefined] as const,
  ]),
];

const allPairs: ReadonlyArray<readonly [PlanId, RegionId]> = [
  ['coding', 'cn'], ['coding', 'intl'],
  ['token-personal', 'cn'], ['token-personal', 'intl'],
  ['token-team', 'cn'], ['token-team', 'intl'],
  ['payg', 'cn'], ['payg', 'intl'], ['payg', 'us'], ['payg', 'hk'],
];

describe('keyFindings', () => {
  it('reports an empty key as missing, and nothing else', () => {
    for (const [plan, region] of allPairs) {
      expect(keyFindings('', plan, region)).toEqual([{ code: 'KEY_MISSING', severity: 'error' }]);
      expect(keyFindings(' \n ', plan, region)).toEqual([{ code: 'KEY_MISSING', severity: 'error' }]);
    }
  });

  it('reports placeholders, and nothing else', () => {
    for (const raw of ['YOUR_API_KEY', 'sk-sp-xxx', 'sk-xxx', '<USER_API_KEY>']) {
      expect(keyFindings(raw, 'coding', 'cn')).toEqual([{ code: 'KEY_PLACEHOLDER', severity: 'error' }]);
    }
  });

  it.each(matrix)('%s/%s with a %s key (%s): %s', (plan, region, key, kind, severity) => {
    const wrong = keyFindings(key, plan, region).filter((f) => f.code === 'KEY_WRONG_KIND');
    if (severity === undefined) {
      expect(wrong).toEqual([]);
    } else {
      expect(wrong).toEqual([{ code: 'KEY_WRONG_KIND', severity, params: { kind, plan } }]);
    }
  });

  it('blocks ModelScope and other vendors everywhere', () => {
    for (const [plan, region] of allPairs) {
      for (const [key, kind] of [
        ['ms-0123456789abcdef', 'modelscope'],
        ['sk-ant-api03-0123456789abcdef', 'other-vendor'],
        ['sk-or-v1-0123456789abcdef', 'other-vendor'],
        ['sk-tp-0123456789abcdef', 'other-vendor'],
        ['tp-0123456789abcdef', 'other-vendor'],
      ] as const) {
        expect(keyFindings(key, plan, region)).toEqual([
          { code: 'KEY_WRONG_KIND', severity: 'error', params: { kind, plan } },
        ]);
      }
    }
  });

  it('warns about an unrecognised format', () => {
    expect(keyFindings('0123456789abcdef0123456789abcdef', 'token-team', 'intl')).toEqual([
      { code: 'KEY_WRONG_KIND', severity: 'warning', params: { kind: 'unknown', plan: 'token-team' } },
    ]);
  });

  it('warns when the key needed cleaning, since the cleaned value is what gets stored', () => {
    for (const [raw, problems] of [
      [` ${PLAN_KEY} `, 'whitespace'],
      [`${PLAN_KEY}\n`, 'linebreak'],
      [`"${PLAN_KEY}"`, 'quotes'],
      [`sk-sp-0123\u200B456789abcdef`, 'zero-width'],
    ] as const) {
      expect(keyFindings(raw, 'coding', 'intl')).toEqual([
        { code: 'KEY_MALFORMED', severity: 'warning', params: { problems } },
      ]);
    }
  });

  it('errors on a masked key or an inner space', () => {
    expect(keyFindings('sk-sp-****', 'token-team', 'cn')).toEqual([
      { code: 'KEY_MALFORMED', severity: 'error', params: { problems: 'masked' } },
    ]);
    expect(keyFindings(' sk-sp-\u2026abcd', 'coding', 'cn')).toEqual([
      { code: 'KEY_MALFORMED', severity: 'error', params: { problems: 'masked,whitespace' } },
    ]);
    expect(keyFindings('sk-sp-0123 456789abcdef', 'coding', 'cn')).toEqual([
      { code: 'KEY_MALFORMED', severity: 'error', params: { problems: 'inner-space' } },
    ]);
  });

  it('reports cleaning and kind together', () => {
    expect(keyFindings(`"${PAYG_KEY}"`, 'coding', 'cn')).toEqual([
      { code: 'KEY_MALFORMED', severity: 'warning', params: { problems: 'quotes' } },
      { code: 'KEY_WRONG_KIND', severity: 'error', params: { kind: 'payg', plan: 'coding' } },
    ]);
  });

  it('never puts the key, or any long part of it, into a finding', () => {
    const raws = [PLAN_KEY, PAYG_KEY, WS_KEY, ` "${PLAN_KEY}"\n`, 'ms-0123456789abcdef', 'sk-sp-0123 456789abcdef'];
    for (const raw of raws) {
      for (const [plan, region] of allPairs) {
        const text = JSON.stringify(keyFindings(raw, plan, region));
        expect(text).not.toContain('0123456789');
      }
    }
  });
});

describe('maskKey', () => {
  it.each([
    [PLAN_KEY, 'sk-sp-\u2026cdef'],
    [PAYG_KEY, 'sk-\u2026cdef'],
    [WS_KEY, 'sk-ws-\u2026cdef'],
    ['ms-0123456789abcdef', 'ms-\u2026cdef'],
    ['0123456789abcdef', '012\u2026cdef'],
    ['sk-sp-01234', 'sk-sp-\u2026'],
    ['sk-012', 'sk-\u2026'],
    ['abcdefghi', 'abc\u2026'],
    ['abcd', '\u2026'],
    ['', ''],
    [` "${PLAN_KEY}"\n`, 'sk-sp-\u2026cdef'],
  ])('%j → %j', (key, masked) => {
    expect(maskKey(key)).toBe(masked);
  });

  it('never reveals more than the known prefix (or 3 characters) and the last 4', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (const prefix of ['sk-sp-', 'sk-ws-', 'sk-', 'ms-', '']) {
      for (let length = 1; length <= 40; length++) {
        const body = Array.from({ length }, (_, i) => alphabet[(i * 7 + length) % alphabet.length]).join('');
        const key = prefix + body;
        const masked = maskKey(key);
        const [head = '', tail = ''] = masked.split('\u2026');
        expect(masked).toContain('\u2026');
        expect(tail.length).toBeLessThanOrEqual(4);
        expect(key.endsWith(tail)).toBe(true);
        expect(head.length).toBeLessThanOrEqual(prefix === '' ? 3 : prefix.length);
        expect(key.startsWith(head)).toBe(true);
        if (key.length < 12) expect(tail).toBe('');
      }
    }
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence with the mask', () => {
    const text = `ANTHROPIC_AUTH_TOKEN=${PLAN_KEY}\n{"apiKey": "${PLAN_KEY}"} and again ${PLAN_KEY}.`;
    const out = redactSecrets(text, [PLAN_KEY]);
    expect(out).not.toContain('0123456789');
    expect(out).toBe(
      `ANTHROPIC_AUTH_TOKEN=sk-sp-\u2026cdef\n{"apiKey": "sk-sp-\u2026cdef"} and again sk-sp-\u2026cdef.`,
    );
  });

  it('replaces the normalised form of a dirty secret and its raw inner form', () => {
    const dirty = ` "sk-sp-0123\u200B456789abcdef"\n`;
    const text = `clean sk-sp-0123456789abcdef; raw sk-sp-0123\u200B456789abcdef; quoted "sk-sp-0123456789abcdef"`;
    expect(redactSecrets(text, [dirty])).toBe(
      'clean sk-sp-\u2026cdef; raw sk-sp-\u2026cdef; quoted "sk-sp-\u2026cdef"',
    );
  });

  it('handles several secrets, regex characters and overlaps', () => {
    const a = 'sk-sp-aaaa.bbbb+cccc(dddd)';
    const b = 'sk-sp-aaaa.bbbb';
    const out = redactSecrets(`${a} | ${b} | ${PAYG_KEY}`, [b, a, PAYG_KEY]);
    expect(out).toBe(`${maskKey(a)} | ${maskKey(b)} | sk-\u2026cdef`);
  });

  it('leaves text alone for empty, tiny or placeholder secrets', () => {
    const text = 'set YOUR_API_KEY in the sk- field';
    expect(redactSecrets(text, [])).toBe(text);
    expect(redactSecrets(text, ['', '  ', 'sk-', 'YOUR_API_KEY'])).toBe(text);
  });
});

describe('where the key comes from, said at the key prompt', () => {
  it('names the plan\'s own console page and the key\'s shape for every plan and region, in both languages', async () => {
    const { keyOriginCode } = await import('../../src/core/keys.js');
    const { translator } = await import('../../src/i18n/index.js');
    const { getPlan, planIds } = await import('../../src/core/catalog/index.js');
    const seen = new Set<string>();
    for (const plan of planIds) {
      for (const region of getPlan(plan).regions) {
        const code = keyOriginCode(plan, region);
        seen.add(code);
        for (const lang of ['en', 'zh-CN'] as const) {
          const text = translator(lang)(code);
          expect(text, `${plan}/${region}/${lang}`).not.toBe(code);
          expect(text).toMatch(plan === 'payg' ? /sk-[ ,]/ : /sk-sp-/);
        }
      }
    }
    expect(translator('en')(keyOriginCode('coding', 'intl'))).toContain('Coding Plan page');
    // The international Token Plan's format is only reported: "usually", and the sk- key ruled out.
    expect(translator('en')(keyOriginCode('token-team', 'intl'))).toMatch(/usually starts with sk-sp-; a pay-as-you-go sk- key does not work/);
    expect(seen.size).toBe(6);
  });
});
