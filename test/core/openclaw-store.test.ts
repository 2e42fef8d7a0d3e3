import { describe, expect, it } from 'vitest';
import {
  cleanSteps,
  configuredAgents,
  EMPTY_SHA,
  keySteps,
  parseProfileList,
  planSnapshotRestore,
  planSnapshotUnits,
  stepArgs,
  storeFindings,
  usesAuthStore,
  type SnapshotMember,
  type StoreContext,
} from '../../src/core/adapters/openclaw/store.js';

const CTX: StoreContext = { configFile: '/h/.openclaw/openclaw.json', keyedProviders: ['bailian'], providers: ['bailian', 'bailian-token-plan'] };
const P = (id: string, provider = id.split(':')[0]!, type = 'api_key') => ({ id, provider, type });

describe('OpenClaw credential store: which release', () => {
  it('2026.8 and later use the store; older releases and an unknown release keep the files', () => {
    expect(usesAuthStore('OpenClaw 2026.9.6 (eb377ac)')).toBe(true);
    expect(usesAuthStore('2026.8.0')).toBe(true);
    expect(usesAuthStore('2026.7.30')).toBe(false);
    expect(usesAuthStore('2026.5.2')).toBe(false);
    expect(usesAuthStore(null)).toBe(false);
    expect(usesAuthStore(undefined)).toBe(false);
    expect(usesAuthStore('command not found')).toBe(false);
  });
});

describe('OpenClaw commands', () => {
  it('the command lines, with --agent for a non-default agent, never a key', () => {
    expect(stepArgs({ kind: 'migrate', files: ['/x'] })).toEqual(['doctor', '--fix', '--non-interactive', '--yes']);
    expect(stepArgs({ kind: 'list' })).toEqual(['models', 'auth', 'list', '--json']);
    expect(stepArgs({ kind: 'list', agent: 'ops' })).toEqual(['models', 'auth', 'list', '--agent', 'ops', '--json']);
    expect(stepArgs({ kind: 'logout', profile: 'bailian:default', reason: 'overrides-config' })).toEqual(['models', 'auth', 'logout', 'bailian:default', '--yes']);
    expect(stepArgs({ kind: 'paste', profile: 'bailian:default', provider: 'bailian', agent: 'ops' })).toEqual(['models', 'auth', 'paste-api-key', '--provider', 'bailian', '--profile-id', 'bailian:default', '--agent', 'ops']);
  });

  it('reads `models auth list --json` even after a warning line, and refuses other output', () => {
    const out = `Installed Gateway service state could not be verified.\n${JSON.stringify({ agentId: 'main', authStatePath: '~/.openclaw/state/openclaw.sqlite', provider: null, profiles: [{ id: 'bailian:default', provider: 'bailian', type: 'api_key', label: 'x' }] })}`;
    expect(parseProfileList(out)).toEqual({ profiles: [P('bailian:default')], authStatePath: '~/.openclaw/state/openclaw.sqlite', agent: 'main' });
    expect(parseProfileList('{"ok":false,"error":{"message":"requires legacy credential migration"}}')).toBeNull();
    expect(parseProfileList('Error: boom')).toBeNull();
  });

  it('configured agents besides the default one (entries and the older list)', () => {
    expect(configuredAgents({ agents: { entries: { main: {}, ops: {} } } })).toEqual(['ops']);
    expect(configuredAgents({ agents: { entries: { a: { default: true }, main: {} } } })).toEqual(['main']);
    expect(configuredAgents({ agents: { list: [{ id: 'main' }, { id: 'w' }] } })).toEqual(['w']);
    expect(configuredAgents({})).toEqual([]);
    expect(configuredAgents(null)).toEqual([]);
  });
});

describe('what the stored profiles mean', () => {
  const profiles = [P('bailian:default'), P('bailian:models-json'), P('alibaba-cloud:default'), P('bailian-token-plan:default'), P('openai:default')];

  it('a profile of a provider with its own config key overrides it; alibaba-cloud profiles break discovery; others are none of our business', () => {
    const found = storeFindings(profiles, { ...CTX, storePath: '/h/.openclaw/state/openclaw.sqlite', agent: 'main' });
    expect(found.map((f) => [f.code, f.keyPath, f.file])).toEqual([
      ['OPENCLAW_STORED_PROFILE', 'bailian:default', '/h/.openclaw/state/openclaw.sqlite'],
      ['OPENCLAW_STORED_PROFILE', 'bailian:models-json', '/h/.openclaw/state/openclaw.sqlite'],
      ['OPENCLAW_DISCOVERY_PROFILE', 'alibaba-cloud:default', '/h/.openclaw/state/openclaw.sqlite'],
    ]);
  });

  it('clean logs those out', () => {
    expect(cleanSteps(profiles, CTX, 'ops')).toEqual([
      { kind: 'logout', profile: 'bailian:default', reason: 'overrides-config', agent: 'ops' },
      { kind: 'logout', profile: 'bailian:models-json', reason: 'overrides-config', agent: 'ops' },
      { kind: 'logout', profile: 'alibaba-cloud:default', reason: 'discovery', agent: 'ops' },
    ]);
  });

  it('key logs out a profile that overrides a config key, and re-stores the key where the store is its only home', () => {
    expect(keySteps(profiles, CTX)).toEqual([
      { kind: 'logout', profile: 'bailian:default', reason: 'overrides-config' },
      { kind: 'logout', profile: 'bailian:models-json', reason: 'overrides-config' },
      { kind: 'paste', profile: 'bailian-token-plan:default', provider: 'bailian-token-plan' },
    ]);
    // No Model Studio provider in openclaw.json: nothing of ours is stored.
    expect(keySteps(profiles, { ...CTX, keyedProviders: [], providers: [] })).toEqual([]);
  });
});

describe('putting a byte snapshot back', () => {
  const m = (role: SnapshotMember['role'], before: string | null, after: string | null, now: string | null, p = `/s/${role}`): SnapshotMember => ({ path: p, role, shaBefore: before, shaAfter: after, shaNow: now });

  it('restores a unit that is exactly what the run left', () => {
    expect(planSnapshotRestore([m('db', 'a', 'b', 'b'), m('wal', null, null, null), m('shm', 's1', 's2', 's2')], false)).toEqual({ kind: 'restore' });
    expect(planSnapshotRestore([m('file', 'a', null, null)], false)).toEqual({ kind: 'restore' });
    expect(planSnapshotRestore([m('file', null, 'x', 'x')], false)).toEqual({ kind: 'restore' });
  });

  it('refuses a unit changed since, naming the changed files, unless forced', () => {
    expect(planSnapshotRestore([m('db', 'a', 'b', 'c', '/s/openclaw.sqlite'), m('shm', 's', 's', 's')], false)).toEqual({ kind: 'refuse', changed: ['/s/openclaw.sqlite'] });
    expect(planSnapshotRestore([m('db', 'a', 'b', 'b'), m('wal', null, null, 'frames', '/s/db-wal')], false)).toEqual({ kind: 'refuse', changed: ['/s/db-wal'] });
    expect(planSnapshotRestore([m('db', 'a', 'b', 'c')], true)).toEqual({ kind: 'restore' });
    expect(planSnapshotRestore([m('file', 'a', null, 'new')], false)).toEqual({ kind: 'refuse', changed: ['/s/file'] });
  });

  it('an empty write-ahead log equals none, and the -shm index never decides', () => {
    expect(planSnapshotRestore([m('db', 'a', 'b', 'b'), m('wal', null, null, EMPTY_SHA), m('shm', null, null, 'idx')], false)).toEqual({ kind: 'restore' });
  });

  it('a unit already as it was before needs nothing', () => {
    expect(planSnapshotRestore([m('db', 'a', 'b', 'a'), m('shm', 's', 't', 'u')], false)).toEqual({ kind: 'skip', reason: 'unchanged' });
  });

  it('the units of one run go back together: one refused unit holds the others back', () => {
    const db = [m('db', 'a', 'b', 'c', '/s/openclaw.sqlite')];
    const config = [m('file', 'x', 'y', 'y', '/s/openclaw.json')];
    const agentDb = [m('db', null, 'z', 'z', '/s/agent.sqlite')];
    expect(planSnapshotUnits([db, config, agentDb], false)).toEqual([
      { kind: 'refuse', changed: ['/s/openclaw.sqlite'] },
      { kind: 'held', by: ['/s/openclaw.sqlite'] },
      { kind: 'held', by: ['/s/openclaw.sqlite'] },
    ]);
    expect(planSnapshotUnits([db, config, agentDb], true).map((p) => p.kind)).toEqual(['restore', 'restore', 'restore']);
    expect(planSnapshotUnits([config, agentDb], false).map((p) => p.kind)).toEqual(['restore', 'restore']);
  });
});
