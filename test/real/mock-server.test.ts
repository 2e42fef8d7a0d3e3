/**
 * The mock's own tests: fast, no real tools. Each documented failure with its status and text, and
 * each success shape the tools rely on.
 */

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getModel, getPlan } from '../../src/core/catalog/index.js';
import { PAYG_KEY, PLAN_KEY } from '../helpers/cli.js';
import { familyModels, startMock, type MockServer } from './mock-server.js';

const TOKEN_KEY = 'tp-key-of-unstated-format-0000';

interface Reply {
  status: number;
  text: string;
  json: unknown;
  contentType: string;
}

async function send(mock: MockServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${mock.origin}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // SSE or empty
  }
  return { status: res.status, text, json, contentType: res.headers.get('content-type') ?? '' };
}

const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

/** `event:`/`data:` blocks of an SSE body. */
function sse(text: string): { event: string | null; data: string }[] {
  return text
    .split('\n\n')
    .filter((b) => b.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? null;
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      return { event, data };
    });
}

/** The error text in either error document shape. */
function errorText(r: Reply): string {
  const doc = r.json as { error?: { message?: string } } | null;
  return doc?.error?.message ?? '';
}

describe('mock Model Studio server', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock({ reply: 'MOCK_REPLY_TEXT' });
  });
  afterAll(async () => {
    await mock.close();
  });

  describe('binding', () => {
    it('listens on 127.0.0.1 at a random port, not on other addresses', async () => {
      expect(mock.origin).toBe(`http://127.0.0.1:${mock.port}`);
      expect(mock.port).toBeGreaterThan(0);
      const refused = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: '::1', port: mock.port });
        s.once('connect', () => {
          s.destroy();
          resolve(false);
        });
        s.once('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    });

    it('names each family by its first path segment', () => {
      expect(mock.baseUrl('coding')).toBe(`${mock.origin}/coding`);
      expect(mock.baseUrl('token-plan')).toBe(`${mock.origin}/token-plan`);
      expect(mock.baseUrl('payg')).toBe(`${mock.origin}/payg`);
    });
  });

  describe('success shapes', () => {
    it.each([
      ['coding', '/coding/v1/chat/completions', PLAN_KEY],
      ['token-plan', '/token-plan/compatible-mode/v1/chat/completions', PLAN_KEY],
      ['payg', '/payg/compatible-mode/v1/chat/completions', PAYG_KEY],
    ])('%s: Chat Completions SSE chunks end with [DONE], usage when asked', async (_family, path, key) => {
      const model = _family === 'coding' ? 'qwen3.5-plus' : 'qwen3.6-plus';
      const r = await send(mock, 'POST', path, { model, stream: true, stream_options: { include_usage: true }, messages: [] }, bearer(key));
      expect(r.status).toBe(200);
      expect(r.contentType).toContain('text/event-stream');
      const events = sse(r.text);
      expect(events.at(-1)?.data).toBe('[DONE]');
      const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as { object: string; model: string; choices: { delta?: { content?: string }; finish_reason?: string | null }[]; usage?: unknown });
      expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === model)).toBe(true);
      expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('MOCK_REPLY_TEXT');
      expect(chunks.some((c) => c.choices[0]?.finish_reason === 'stop')).toBe(true);
      expect(chunks.at(-1)?.usage).toMatchObject({ total_tokens: expect.any(Number) });
    });

    it('Chat Completions without stream: one JSON completion; no usage chunk unless asked', async () => {
      const r = await send(mock, 'POST', '/coding/v1/chat/completions', { model: 'glm-5', messages: [] }, bearer(PLAN_KEY));
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ object: 'chat.completion', model: 'glm-5', choices: [{ message: { role: 'assistant', content: 'MOCK_REPLY_TEXT' }, finish_reason: 'stop' }] });
      const s = await send(mock, 'POST', '/coding/v1/chat/completions', { model: 'glm-5', stream: true, messages: [] }, bearer(PLAN_KEY));
      expect(sse(s.text).filter((e) => e.data.includes('"usage"'))).toEqual([]);
    });

    it.each([
      ['coding', PLAN_KEY, 'qwen3.5-plus'],
      ['token-plan', PLAN_KEY, 'qwen3.7-plus'],
      ['payg', PAYG_KEY, 'qwen3.6-plus'],
    ])('%s: Anthropic Messages SSE (with ?beta=true) in the order Claude Code reads', async (family, key, model) => {
      const r = await send(mock, 'POST', `/${family}/apps/anthropic/v1/messages?beta=true`, { model, stream: true, max_tokens: 10, messages: [] }, bearer(key));
      expect(r.status).toBe(200);
      const events = sse(r.text);
      expect(events.map((e) => e.event)).toEqual([
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ]);
      for (const e of events) expect((JSON.parse(e.data) as { type: string }).type).toBe(e.event);
      expect(JSON.parse(events[2]!.data)).toMatchObject({ delta: { type: 'text_delta', text: 'MOCK_REPLY_TEXT' } });
      expect(JSON.parse(events[4]!.data)).toMatchObject({ delta: { stop_reason: 'end_turn' } });
    });

    it('Anthropic Messages without stream, and count_tokens', async () => {
      const r = await send(mock, 'POST', '/coding/apps/anthropic/v1/messages', { model: 'kimi-k2.5', messages: [] }, bearer(PLAN_KEY));
      expect(r.json).toMatchObject({ type: 'message', role: 'assistant', model: 'kimi-k2.5', content: [{ type: 'text', text: 'MOCK_REPLY_TEXT' }], stop_reason: 'end_turn' });
      const c = await send(mock, 'POST', '/coding/apps/anthropic/v1/messages/count_tokens', { model: 'kimi-k2.5', messages: [] }, bearer(PLAN_KEY));
      expect(c.status).toBe(200);
      expect(c.json).toMatchObject({ input_tokens: expect.any(Number) });
    });

    it.each([
      ['/coding/v1/responses', PLAN_KEY, 'qwen3.5-plus'],
      ['/token-plan/compatible-mode/v1/responses', PLAN_KEY, 'qwen3.7-max'],
      ['/payg/compatible-mode/v1/responses', PAYG_KEY, 'qwen3.6-plus'],
    ])('%s: Responses SSE events in the order Codex reads', async (path, key, model) => {
      const r = await send(mock, 'POST', path, { model, stream: true, input: [] }, bearer(key));
      expect(r.status).toBe(200);
      const events = sse(r.text);
      expect(events.map((e) => e.event)).toEqual([
        'response.created',
        'response.output_item.added',
        'response.content_part.added',
        'response.output_text.delta',
        'response.output_text.done',
        'response.content_part.done',
        'response.output_item.done',
        'response.completed',
      ]);
      const docs = events.map((e) => JSON.parse(e.data) as { type: string; sequence_number: number });
      expect(docs.map((d) => d.sequence_number)).toEqual(docs.map((_, i) => i));
      expect(docs[3]).toMatchObject({ delta: 'MOCK_REPLY_TEXT' });
      expect(docs[7]).toMatchObject({ response: { status: 'completed', model, usage: { total_tokens: expect.any(Number) } } });
      const plain = await send(mock, 'POST', path, { model, input: [] }, bearer(key));
      expect(plain.json).toMatchObject({ object: 'response', status: 'completed', output: [{ content: [{ text: 'MOCK_REPLY_TEXT' }] }] });
    });

    it.each([
      ['coding', '/coding/v1/models', PLAN_KEY],
      ['token-plan', '/token-plan/compatible-mode/v1/models', PLAN_KEY],
      ['payg', '/payg/compatible-mode/v1/models', PAYG_KEY],
    ] as const)('%s: GET models lists the family\'s catalog models', async (family, path, key) => {
      const r = await send(mock, 'GET', path, undefined, bearer(key));
      expect(r.status).toBe(200);
      const ids = (r.json as { data: { id: string }[] }).data.map((m) => m.id);
      expect(new Set(ids)).toEqual(familyModels(family));
      if (family === 'coding') expect(ids).toEqual(expect.arrayContaining([...getPlan('coding').models.intl!]));
    });

    it('accepts a Token Plan key of any format (the format is not stated) and x-api-key off Token Plan', async () => {
      const t = await send(mock, 'POST', '/token-plan/compatible-mode/v1/chat/completions', { model: 'glm-5', messages: [] }, bearer(TOKEN_KEY));
      expect(t.status).toBe(200);
      const c = await send(mock, 'POST', '/coding/apps/anthropic/v1/messages', { model: 'glm-5', messages: [] }, { 'x-api-key': PLAN_KEY });
      expect(c.status).toBe(200);
    });

    it('accepts a thinking budget up to the model maximum and adaptive thinking', async () => {
      const max = getModel('qwen3.6-plus')!.maxThinkingBudget!;
      const a = await send(mock, 'POST', '/token-plan/compatible-mode/v1/chat/completions', { model: 'qwen3.6-plus', enable_thinking: true, thinking_budget: max, messages: [] }, bearer(PLAN_KEY));
      expect(a.status).toBe(200);
      const b = await send(mock, 'POST', '/coding/apps/anthropic/v1/messages', { model: 'qwen3.5-plus', thinking: { type: 'adaptive' }, messages: [] }, bearer(PLAN_KEY));
      expect(b.status).toBe(200);
      // No documented bound: any positive budget passes.
      const c = await send(mock, 'POST', '/token-plan/apps/anthropic/v1/messages', { model: 'glm-5.1', thinking: { type: 'enabled', budget_tokens: 500_000 }, messages: [] }, bearer(PLAN_KEY));
      expect(c.status).toBe(200);
    });

    it('records method, path, query, headers and the parsed body of every request', async () => {
      mock.clear();
      await send(mock, 'POST', '/coding/apps/anthropic/v1/messages?beta=true', { model: 'qwen3.5-plus', stream: false, messages: [{ role: 'user', content: 'hi' }] }, { ...bearer(PLAN_KEY), 'x-extra': 'yes' });
      await send(mock, 'GET', '/nowhere');
      expect(mock.requests).toHaveLength(2);
      const [first, second] = mock.requests;
      expect(first).toMatchObject({
        method: 'POST',
        url: '/coding/apps/anthropic/v1/messages?beta=true',
        path: '/coding/apps/anthropic/v1/messages',
        query: { beta: 'true' },
        family: 'coding',
        route: 'messages',
        status: 200,
        outcome: 'ok',
        body: { model: 'qwen3.5-plus', messages: [{ role: 'user', content: 'hi' }] },
      });
      expect(first!.headers).toMatchObject({ authorization: `Bearer ${PLAN_KEY}`, 'x-extra': 'yes' });
      expect(second).toMatchObject({ method: 'GET', path: '/nowhere', family: null, status: 404, outcome: 'not-found', body: null });
      expect(mock.modelRequests().map((r) => r.n)).toEqual([first!.n]);
    });
  });

  describe('documented failures', () => {
    const chat = (family: string): string => (family === 'coding' ? '/coding/v1/chat/completions' : `/${family}/compatible-mode/v1/chat/completions`);
    const messages = (family: string): string => `/${family}/apps/anthropic/v1/messages`;

    it.each([
      // [case, path, headers, body, status, outcome, text]
      ['plan key on the payg family (chat)', chat('payg'), bearer(PLAN_KEY), { model: 'qwen3.6-plus' }, 401, 'plan-key-on-payg', 'Incorrect API key provided.'],
      ['plan key on the payg family (anthropic)', messages('payg'), bearer(PLAN_KEY), { model: 'qwen3.6-plus' }, 401, 'plan-key-on-payg', 'Incorrect API key provided.'],
      ['payg key on the coding family', chat('coding'), bearer(PAYG_KEY), { model: 'qwen3.5-plus' }, 401, 'payg-key-on-coding', 'invalid access token or token expired'],
      ['payg key on the coding family (anthropic, x-api-key)', messages('coding'), { 'x-api-key': PAYG_KEY }, { model: 'qwen3.5-plus' }, 401, 'payg-key-on-coding', 'invalid access token or token expired'],
      ['payg key on the token-plan family', chat('token-plan'), bearer(PAYG_KEY), { model: 'qwen3.7-plus' }, 401, 'payg-key-on-token-plan', 'Invalid API-key provided.'],
      ['payg key on the token-plan family (anthropic)', messages('token-plan'), bearer(PAYG_KEY), { model: 'qwen3.7-plus' }, 401, 'payg-key-on-token-plan', 'Invalid API-key provided.'],
      ['only x-api-key on token-plan', messages('token-plan'), { 'x-api-key': PLAN_KEY }, { model: 'qwen3.7-plus' }, 401, 'no-key', 'No API-key provided.'],
      ['no key at all', chat('coding'), {}, { model: 'qwen3.5-plus' }, 401, 'no-key', 'No API-key provided.'],
      ['a malformed key on coding', chat('coding'), bearer('not-a-key'), { model: 'qwen3.5-plus' }, 401, 'bad-key', 'Incorrect API key provided.'],
      ['unknown model on coding', chat('coding'), bearer(PLAN_KEY), { model: 'deepseek-v4-pro' }, 400, 'model-not-in-plan', "model 'deepseek-v4-pro' is not supported"],
      ['wrong case on coding', messages('coding'), bearer(PLAN_KEY), { model: 'Qwen3.5-plus' }, 400, 'model-not-in-plan', "model 'Qwen3.5-plus' is not supported"],
      ['a name matching no model on token-plan', chat('token-plan'), bearer(PLAN_KEY), { model: 'qwen-nonexistent' }, 400, 'model-not-exist', 'Model not exist.'],
      ['a real model outside Token Plan', chat('token-plan'), bearer(PLAN_KEY), { model: 'qwen3.5-plus' }, 404, 'model-not-in-plan', "model 'qwen3.5-plus' not found or not supported"],
      ['a name matching no model on payg', chat('payg'), bearer(PAYG_KEY), { model: 'qwen-nonexistent' }, 400, 'model-not-exist', 'Model not exist.'],
      ['deepseek-v3.2 on /apps/anthropic', messages('token-plan'), bearer(PLAN_KEY), { model: 'deepseek-v3.2' }, 404, 'model-not-on-protocol', "model 'deepseek-v3.2' not found or not supported"],
      ['thinking_budget over the maximum (OpenAI)', chat('coding'), bearer(PLAN_KEY), { model: 'qwen3.5-plus', enable_thinking: true, thinking_budget: 81_921 }, 400, 'thinking-budget', 'The thinking_budget parameter must be a positive integer and not greater than 81920.'],
      ['thinking_budget of zero', chat('token-plan'), bearer(PLAN_KEY), { model: 'qwen3.7-max', thinking_budget: 0 }, 400, 'thinking-budget', 'not greater than 262144.'],
      ['budget_tokens over the maximum (Anthropic)', messages('coding'), bearer(PLAN_KEY), { model: 'glm-5', thinking: { type: 'enabled', budget_tokens: 40_000 } }, 400, 'thinking-budget', 'The thinking_budget parameter must be a positive integer and not greater than 32768.'],
      ['OpenAI path under /apps/anthropic on token-plan', '/token-plan/apps/anthropic/v1/chat/completions', bearer(PLAN_KEY), { model: 'qwen3.7-plus' }, 400, 'url-error', 'url error, please check url!'],
      ['Anthropic path under /compatible-mode on token-plan', '/token-plan/compatible-mode/v1/messages', bearer(PLAN_KEY), { model: 'qwen3.7-plus' }, 400, 'url-error', 'url error, please check url!'],
      ['a body that is not JSON', chat('coding'), bearer(PLAN_KEY), '{not json', 400, 'bad-json', 'Request body is not valid JSON.'],
    ] as const)('%s', async (_name, path, headers, body, status, outcome, text) => {
      mock.clear();
      const r = await send(mock, 'POST', path, body, headers);
      expect(r.status).toBe(status);
      expect(errorText(r)).toContain(text);
      expect(mock.requests.at(-1)).toMatchObject({ status, outcome, errorMessage: expect.stringContaining(text) });
      // Error documents follow the protocol: Anthropic's `{type:"error"}` or DashScope's `{error:{code}}`.
      if (path.includes('/apps/anthropic/v1/messages')) expect(r.json).toMatchObject({ type: 'error', error: { type: expect.any(String) } });
      else expect(r.json).toMatchObject({ error: { code: expect.any(String) } });
    });

    it.each([
      ['coding with the Token Plan path', '/coding/compatible-mode/v1/chat/completions', 'POST'],
      ['token-plan with the Coding Plan path', '/token-plan/v1/chat/completions', 'POST'],
      ['Anthropic base without /v1 (AI-SDK clients)', '/token-plan/apps/anthropic/messages', 'POST'],
      ['Anthropic base with /v1 twice', '/coding/apps/anthropic/v1/v1/messages', 'POST'],
      ['an unknown family', '/dashscope/compatible-mode/v1/chat/completions', 'POST'],
      ['GET on a POST route', '/coding/v1/chat/completions', 'GET'],
    ])('404 with no body for a wrong path: %s', async (_name, path, method) => {
      const r = await send(mock, method, path, method === 'POST' ? { model: 'qwen3.5-plus' } : undefined, bearer(PLAN_KEY));
      expect(r.status).toBe(404);
      expect(r.text).toBe('');
    });

    it('checks the key before the model, and the model before the thinking budget', async () => {
      const r = await send(mock, 'POST', '/payg/compatible-mode/v1/chat/completions', { model: 'nope', thinking_budget: -1 }, bearer(PLAN_KEY));
      expect(r.status).toBe(401);
      const m = await send(mock, 'POST', '/coding/v1/chat/completions', { model: 'nope', thinking_budget: -1 }, bearer(PLAN_KEY));
      expect(errorText(m)).toBe("model 'nope' is not supported");
    });
  });

  describe('limits', () => {
    it('answers 503 past the request cap', async () => {
      const small = await startMock({ maxRequests: 2 });
      try {
        const ok = (): Promise<Reply> => send(small, 'POST', '/coding/v1/chat/completions', { model: 'glm-5' }, bearer(PLAN_KEY));
        expect((await ok()).status).toBe(200);
        expect((await ok()).status).toBe(200);
        expect((await ok()).status).toBe(503);
        expect(small.requests.at(-1)).toMatchObject({ status: 503, outcome: 'limit' });
      } finally {
        await small.close();
      }
    });

    it('closes itself when its lifetime is over; close() is idempotent', async () => {
      const brief = await startMock({ lifetimeMs: 150 });
      expect((await send(brief, 'GET', '/coding/v1/models', undefined, bearer(PLAN_KEY))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
      expect(brief.closed).toBe(true);
      await expect(send(brief, 'GET', '/coding/v1/models', undefined, bearer(PLAN_KEY))).rejects.toThrow();
      await brief.close();
      await brief.close();
    });
  });
});
