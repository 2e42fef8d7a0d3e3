import { describe, expect, it } from 'vitest';
import type { CleanAction } from '../../src/core/adapters/openclaw/clean-plan.js';
import { finding } from '../../src/core/findings.js';
import { menuFor, type Detection } from '../../src/ui/detect.js';

const cache: CleanAction = { kind: 'move', file: '/home/u/.openclaw/agents/main/agent/models.json', finding: finding('OPENCLAW_STALE_CACHE', 'warning') };

const fresh: Detection = { installed: {}, configured: [], errors: 0, warnings: 0, fixable: 0, caches: [], keys: 0, configuredBefore: false, runs: 0 };
const d = (patch: Partial<Detection>): Detection => ({ ...fresh, ...patch });

describe('menuFor', () => {
  it('a fresh home: set up, then quit', () => {
    expect(menuFor(fresh)).toEqual(['onboard', 'quit']);
  });

  it('always starts with something to do and ends with quit, each offer once', () => {
    const shapes = [fresh, d({ keys: 1 }), d({ caches: [cache], fixable: 2, errors: 1, keys: 2, configuredBefore: true, runs: 3 }), d({ fixable: 1 })];
    for (const shape of shapes) {
      const menu = menuFor(shape);
      expect(menu[menu.length - 1]).toBe('quit');
      expect(menu).toContain('onboard');
      expect(new Set(menu).size).toBe(menu.length);
    }
  });

  it('stale caches come first', () => {
    expect(menuFor(d({ caches: [cache] }))).toEqual(['clean', 'onboard', 'quit']);
  });

  it('a repairable error comes before setting up; a repairable warning only after it', () => {
    expect(menuFor(d({ fixable: 1, errors: 1 }))).toEqual(['fix', 'onboard', 'doctor', 'quit']);
    expect(menuFor(d({ fixable: 1, errors: 0, warnings: 1 }))).toEqual(['onboard', 'fix', 'doctor', 'quit']);
    // Errors with nothing to repair offer no fix, but their list comes first.
    expect(menuFor(d({ fixable: 0, errors: 3 }))).toEqual(['doctor', 'onboard', 'quit']);
  });

  it('findings counted on the start screen can be opened: warnings after setting up, errors first', () => {
    expect(menuFor(d({ warnings: 2 }))).toEqual(['onboard', 'doctor', 'quit']);
    expect(menuFor(d({ fixable: 1, errors: 1, warnings: 1 }))).toEqual(['fix', 'onboard', 'doctor', 'quit']);
    expect(menuFor(fresh)).not.toContain('doctor');
  });

  it('a home tp-setup configured before offers the key reset first', () => {
    expect(menuFor(d({ keys: 1, configuredBefore: true }))).toEqual(['rekey', 'onboard', 'quit']);
  });

  it('keys written by hand offer the key reset after setting up', () => {
    expect(menuFor(d({ keys: 1, configuredBefore: false }))).toEqual(['onboard', 'rekey', 'quit']);
    // Configured before but no key left: nothing to replace.
    expect(menuFor(d({ keys: 0, configuredBefore: true }))).toEqual(['onboard', 'quit']);
  });

  it('backup runs offer a restore, just before quit', () => {
    expect(menuFor(d({ runs: 2 }))).toEqual(['onboard', 'restore', 'quit']);
    expect(menuFor(d({ runs: 2, keys: 1, fixable: 1 }))).toEqual(['onboard', 'rekey', 'fix', 'restore', 'quit']);
  });

  it('everything at once: caches, then fix, then key reset, then the rest', () => {
    expect(menuFor(d({ caches: [cache], fixable: 2, errors: 1, keys: 2, configuredBefore: true, runs: 3 }))).toEqual(['clean', 'fix', 'rekey', 'onboard', 'doctor', 'restore', 'quit']);
  });
});
