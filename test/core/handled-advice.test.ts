import { describe, expect, it } from 'vitest';
import { loggedOutProfiles, type CleanOutcome } from '../../src/commands/clean.js';
import { finding } from '../../src/core/findings.js';
import { withoutLoggedOut } from '../../src/core/usecases/setup.js';

const stored = (profile: string) => finding('OPENCLAW_STORED_PROFILE', 'warning', { tool: 'openclaw', keyPath: `auth.profiles.${profile}`, params: { profile, provider: 'bailian' } });

describe('advice a step of this run already followed is not shown', () => {
  it('a stored-profile hint goes once that profile was logged out; other profiles and codes stay', () => {
    const findings = [stored('bailian:default'), stored('bailian:work'), finding('OPENCLAW_STALE_CACHE', 'error', { tool: 'openclaw' })];
    expect(withoutLoggedOut(findings, ['bailian:default']).map((f) => f.params?.profile ?? f.code)).toEqual(['bailian:work', 'OPENCLAW_STALE_CACHE']);
    expect(withoutLoggedOut(findings, [])).toEqual(findings);
  });

  it('only logouts that ran count: declined, failed or planned ones leave the hint', () => {
    const cmd = (profile: string, status: 'ran' | 'failed' | 'declined' | 'planned') => ({ step: { kind: 'logout' as const, profile, reason: 'overrides-config' as const }, argv: ['openclaw', 'models', 'auth', 'logout', profile, '--yes'], status });
    const outcome = {
      exitCode: 0, actions: [], runId: 'r', applied: true, restart: { ran: false, installed: true },
      openclaw: { commands: [cmd('a:default', 'ran'), cmd('b:default', 'failed'), cmd('c:default', 'declined'), cmd('d:default', 'planned'), { step: { kind: 'list' as const }, argv: [], status: 'ran' as const }], findings: [], failed: false },
    } as unknown as CleanOutcome;
    expect(loggedOutProfiles(outcome)).toEqual(['a:default']);
    expect(loggedOutProfiles(undefined)).toEqual([]);
  });
});
