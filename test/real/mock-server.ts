/**
 * A loopback mock of Alibaba Cloud Model Studio for the real-tool suite.
 *
 * The first path segment names the host family it stands in for, so one server serves all three:
 *
 *   /coding/v1/chat/completions                         Coding Plan, OpenAI Chat Completions
 *   /coding/v1/responses, /coding/v1/models
 *   /{token-plan,payg}/compatible-mode/v1/chat/completions
 *   /{token-plan,payg}/compatible-mode/v1/responses, …/compatible-mode/v1/models
 *   /<family>/apps/anthropic/v1/messages[?beta=true]    Anthropic Messages (and …/messages/count_tokens)
 *
 * `tp-setup --base-url http://127.0.0.1:<port>/<family>` keeps each plan's own path after that
 * prefix, so a tool configured by tp-setup lands on exactly these routes.
 *
 * Replies are the streams the tools accept (docs/tools/*.md, docs/README.md#offline-testing): Chat Completions
 * chunks ending in `[DONE]`, Anthropic message events, Responses events; or one JSON document when
 * the request does not ask for a stream. Failures carry the status and text that Model Studio's
 * own FAQs document (docs/plans.md#errors): see `ERRORS`.
 *
 * Every request is recorded (method, path, query, headers, parsed body, the answer's status) for
 * assertions. The server binds 127.0.0.1 only, answers 503 past `maxRequests`, and closes itself
 * after `lifetimeMs` even if a test forgets to.
 */

import { randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getModel, getPlan } from '../../src/core/catalog/index.js';
import type { HostFamily, PlanId } from '../../src/core/catalog/index.js';

export type Family = HostFamily;
export const FAMILIES: readonly Family[] = ['coding', 'token-plan', 'payg'];

export type Route = 'chat' | 'responses' | 'messages' | 'count-tokens' | 'models';

/** What the mock answered, by name, so tests can assert on the cause and not only the text. */
export type Outcome =
  | 'ok'
  | 'not-found'
  | 'url-error'
  | 'no-key'
  | 'plan-key-on-payg'
  | 'payg-key-on-coding'
  | 'payg-key-on-token-plan'
  | 'bad-key'
  | 'model-not-exist'
  | 'model-not-in-plan'
  | 'model-not-on-protocol'
  | 'thinking-budget'
  | 'bad-json'
  | 'limit';

export interface RecordedRequest {
  readonly n: number;
  readonly at: string;
  readonly method: string;
  /** The URL as sent, with its query. */
  readonly url: string;
  /** The path without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly family: Family | null;
  readonly route: Route | null;
  /** Lower-cased header names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The JSON body; `{ _raw }` when it did not parse; `null` when empty. */
  readonly body: unknown;
  status: number;
  outcome: Outcome;
  /** The error text sent back, when the answer was an error. */
  errorMessage: string | null;
}

export interface MockOptions {
  /** Requests answered normally; later ones get 503. Default 200. */
  readonly maxRequests?: number;
  /** The server closes itself after this long. Default 15 minutes. */
  readonly lifetimeMs?: number;
  /** The assistant's reply text. Default a random `MOCK_OK_…` token, so a test can look for it. */
  readonly reply?: string;
}

export interface MockServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The text every successful reply carries. */
  readonly reply: string;
  /** `http://127.0.0.1:<port>/<family>`: what tests pass to `tp-setup --base-url`. */
  baseUrl(family: Family): string;
  /** Every request so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Model requests only (POSTs to chat, responses or messages). */
  modelRequests(): RecordedRequest[];
  clear(): void;
  close(): Promise<void>;
  readonly closed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Documented failures. Status codes and texts from docs/plans.md#errors (E-numbers) and the
// vendor FAQs [000]–[004] listed in docs/plans.md#sources. Where the sources give two texts for one
// mistake the choice is noted.
// ---------------------------------------------------------------------------------------------

interface ApiError {
  readonly status: number;
  /** DashScope's error code (OpenAI-compatible `error.code`). */
  readonly code: string;
  /** Anthropic-compatible `error.type`. */
  readonly anthropicType: string;
  readonly message: string;
}

export const ERRORS = {
  /** E01 (000, 001, 002): Token Plan with no Bearer key, e.g. a client that sends only `x-api-key`. */
  noKey: { status: 401, code: 'InvalidApiKey', anthropicType: 'authentication_error', message: 'No API-key provided.' },
  /** E02 (000: "a pay-as-you-go key (sk-xxx)"): a pay-as-you-go key on a token-plan host. */
  paygKeyOnTokenPlan: { status: 401, code: 'InvalidApiKey', anthropicType: 'authentication_error', message: 'Invalid API-key provided.' },
  /**
   * E09 (003, 004: "CP: PAYG sk- key"): a pay-as-you-go key on a coding host. 003/004 also list the
   * same mistake under E10; E09 is the Coding Plan row that names the key kind.
   */
  paygKeyOnCoding: { status: 401, code: 'InvalidApiKey', anthropicType: 'authentication_error', message: 'invalid access token or token expired' },
  /**
   * E10 (000, 001, 003, 004: a plan key on the general dashscope URL). 002 gives E02's text for
   * this case and E11 a 403; four sources against one decide.
   */
  planKeyOnPayg: { status: 401, code: 'invalid_api_key', anthropicType: 'authentication_error', message: 'Incorrect API key provided.' },
  /** E10 (003, 004: an empty, malformed or incomplete key on the coding host). */
  badKey: { status: 401, code: 'invalid_api_key', anthropicType: 'authentication_error', message: 'Incorrect API key provided.' },
  /** E06 (000): the OpenAI path on the Anthropic endpoint or the reverse (Token Plan). */
  urlError: { status: 400, code: 'InvalidParameter', anthropicType: 'invalid_request_error', message: 'url error, please check url!' },
} as const satisfies Record<string, ApiError>;

/** E05 (003, 004), Coding Plan: an id outside the plan. */
export function modelNotSupported(model: string): ApiError {
  return { status: 400, code: 'InvalidParameter', anthropicType: 'invalid_request_error', message: `model '${model}' is not supported` };
}

/** E03 (000): an id that names no model at all (Token Plan; used for pay-as-you-go too). */
export function modelNotExist(): ApiError {
  return { status: 400, code: 'InvalidParameter', anthropicType: 'invalid_request_error', message: 'Model not exist.' };
}

/**
 * E04 (000, 001, 002; the China FAQ prefixes 404): a real model this plan or this protocol does not
 * serve, e.g. deepseek-v3.2 on `/apps/anthropic`.
 */
export function modelNotFound(model: string): ApiError {
  return { status: 404, code: 'ModelNotFound', anthropicType: 'not_found_error', message: `model '${model}' not found or not supported` };
}

/** E08 (000, 003, 004: "…not greater than 38912."): a thinking budget over the model's maximum. */
export function thinkingBudgetError(max: number | null): ApiError {
  const bound = max === null ? '' : ` and not greater than ${max}`;
  return {
    status: 400,
    code: 'invalid_parameter_error',
    anthropicType: 'invalid_request_error',
    message: `The thinking_budget parameter must be a positive integer${bound}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Which models each family serves, from the catalog.
// ---------------------------------------------------------------------------------------------

const PLANS_OF: Readonly<Record<Family, readonly PlanId[]>> = {
  coding: ['coding'],
  'token-plan': ['token-personal', 'token-team'],
  payg: ['payg'],
};

/** Every id any plan of the family lists in any region, documented or reported. */
export function familyModels(family: Family): Set<string> {
  const ids = new Set<string>();
  for (const plan of PLANS_OF[family]) {
    const spec = getPlan(plan);
    for (const list of Object.values(spec.models)) list?.forEach((id) => ids.add(id));
    for (const list of Object.values(spec.reportedModels ?? {})) list?.forEach((id) => ids.add(id));
  }
  return ids;
}

const MODELS: Readonly<Record<Family, Set<string>>> = {
  coding: familyModels('coding'),
  'token-plan': familyModels('token-plan'),
  payg: familyModels('payg'),
};

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

/** The family's OpenAI-compatible prefix (after `/<family>`). */
export function openaiPrefix(family: Family): string {
  return family === 'coding' ? '/v1' : '/compatible-mode/v1';
}

const ANTHROPIC_PREFIX = '/apps/anthropic/v1';

type Routed = { family: Family; route: Route } | { family: Family | null; route: null; outcome: 'not-found' | 'url-error' };

export function routeOf(method: string, path: string): Routed {
  const m = /^\/([^/]+)(\/.*)?$/.exec(path);
  const family = (FAMILIES as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as Family) : null;
  if (!family) return { family: null, route: null, outcome: 'not-found' };
  const rest = (m![2] ?? '').replace(/\/+$/, '');
  const oa = openaiPrefix(family);
  if (method === 'POST' && rest === `${oa}/chat/completions`) return { family, route: 'chat' };
  if (method === 'POST' && rest === `${oa}/responses`) return { family, route: 'responses' };
  if (method === 'GET' && rest === `${oa}/models`) return { family, route: 'models' };
  if (method === 'POST' && rest === `${ANTHROPIC_PREFIX}/messages`) return { family, route: 'messages' };
  if (method === 'POST' && rest === `${ANTHROPIC_PREFIX}/messages/count_tokens`) return { family, route: 'count-tokens' };
  // Token Plan answers a protocol mix-up (OpenAI path under /apps/anthropic or the reverse) with
  // E06; every other unknown path is a bare 404 (E12: "404 status code (no body)").
  if (
    family === 'token-plan' &&
    method === 'POST' &&
    ((rest.startsWith('/apps/anthropic') && /\/(chat\/completions|responses)$/.test(rest)) ||
      (rest.startsWith(oa) && /\/messages$/.test(rest)))
  ) {
    return { family, route: null, outcome: 'url-error' };
  }
  return { family, route: null, outcome: 'not-found' };
}

// ---------------------------------------------------------------------------------------------
// Checks, in the order a gateway applies them: key, model, protocol, parameters.
// ---------------------------------------------------------------------------------------------

interface Failure {
  readonly outcome: Outcome;
  readonly error: ApiError;
}

function bearerOf(headers: IncomingHttpHeaders): string | null {
  const auth = headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return m ? m[1]!.trim() : null;
}

function apiKeyHeaderOf(headers: IncomingHttpHeaders): string | null {
  const v = headers['x-api-key'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function checkKey(family: Family, headers: IncomingHttpHeaders): Failure | null {
  const bearer = bearerOf(headers);
  // Token Plan reads only `Authorization: Bearer` (000: "must use Authorization: Bearer, not
  // x-api-key"); the coding and general hosts also take `x-api-key` (PAYG's Anthropic API does).
  const key = family === 'token-plan' ? bearer : (bearer ?? apiKeyHeaderOf(headers));
  if (key === null || key === '') return { outcome: 'no-key', error: ERRORS.noKey };
  const plan = key.startsWith('sk-sp-');
  const payg = !plan && key.startsWith('sk-');
  if (family === 'payg' && plan) return { outcome: 'plan-key-on-payg', error: ERRORS.planKeyOnPayg };
  if (family === 'coding' && payg) return { outcome: 'payg-key-on-coding', error: ERRORS.paygKeyOnCoding };
  if (family === 'token-plan' && payg) return { outcome: 'payg-key-on-token-plan', error: ERRORS.paygKeyOnTokenPlan };
  // Coding Plan keys always start with sk-sp- (docs/plans.md#keys); the Token Plan key format is not
  // stated (docs/plans.md#contradictions, item 1), so anything else passes there.
  if (family === 'coding' && !plan) return { outcome: 'bad-key', error: ERRORS.badKey };
  if (family === 'payg' && !payg) return { outcome: 'bad-key', error: ERRORS.badKey };
  return null;
}

export function checkModel(family: Family, route: Route, model: unknown): Failure | null {
  const id = typeof model === 'string' ? model : '';
  if (!MODELS[family].has(id)) {
    if (family === 'coding') return { outcome: 'model-not-in-plan', error: modelNotSupported(id) };
    if (getModel(id) === undefined) return { outcome: 'model-not-exist', error: modelNotExist() };
    // Pay-as-you-go serves far more than the catalog lists: a known id outside the list passes.
    if (family === 'payg') return null;
    return { outcome: 'model-not-in-plan', error: modelNotFound(id) };
  }
  if ((route === 'messages' || route === 'count-tokens') && getModel(id)?.anthropic === false) {
    return { outcome: 'model-not-on-protocol', error: modelNotFound(id) };
  }
  return null;
}

/** The thinking budget a request asks for: OpenAI `thinking_budget`, Anthropic `thinking.budget_tokens`. */
export function requestedBudget(route: Route, body: Record<string, unknown>): unknown {
  if (route === 'chat' || route === 'responses') return body.thinking_budget;
  const thinking = body.thinking as { type?: unknown; budget_tokens?: unknown } | undefined;
  return thinking && thinking.type === 'enabled' ? thinking.budget_tokens : undefined;
}

export function checkThinking(route: Route, body: Record<string, unknown>): Failure | null {
  const budget = requestedBudget(route, body);
  if (budget === undefined || budget === null) return null;
  const max = getModel(typeof body.model === 'string' ? body.model : '')?.maxThinkingBudget ?? null;
  const ok = typeof budget === 'number' && Number.isInteger(budget) && budget > 0 && (max === null || budget <= max);
  return ok ? null : { outcome: 'thinking-budget', error: thinkingBudgetError(max) };
}

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

function requestId(): string {
  return randomBytes(8).toString('hex');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, route: Route | null, err: ApiError): void {
  const id = requestId();
  if (route === 'messages' || route === 'count-tokens') {
    sendJson(res, err.status, { type: 'error', error: { type: err.anthropicType, message: err.message }, request_id: id });
  } else {
    // DashScope's OpenAI-compatible error document.
    sendJson(res, err.status, { error: { message: err.message, type: 'invalid_request_error', param: null, code: err.code }, request_id: id });
  }
}

function sendSse(res: ServerResponse, events: readonly string[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const e of events) res.write(e);
  res.end();
}

const USAGE_CHAT = { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 };

export function chatEvents(model: string, text: string, includeUsage: boolean): string[] {
  const created = Math.floor(Date.now() / 1000);
  const base = { id: `chatcmpl-${requestId()}`, object: 'chat.completion.chunk', created, model };
  const data = (v: unknown): string => `data: ${JSON.stringify(v)}\n\n`;
  const out = [
    data({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
    data({ ...base, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }),
    data({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
  ];
  if (includeUsage) out.push(data({ ...base, choices: [], usage: USAGE_CHAT }));
  out.push('data: [DONE]\n\n');
  return out;
}

function chatJson(model: string, text: string): unknown {
  return {
    id: `chatcmpl-${requestId()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: USAGE_CHAT,
  };
}

function anthropicMessage(model: string, text: string): Record<string, unknown> {
  return {
    id: `msg_${requestId()}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 4 },
  };
}

export function anthropicEvents(model: string, text: string): string[] {
  const msg = anthropicMessage(model, text);
  const ev = (type: string, v: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...v })}\n\n`;
  return [
    ev('message_start', { message: { ...msg, content: [], stop_reason: null, usage: { input_tokens: 12, output_tokens: 1 } } }),
    ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
    ev('content_block_stop', { index: 0 }),
    ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 4 } }),
    ev('message_stop', {}),
  ];
}

function responseObject(model: string, text: string, status: 'in_progress' | 'completed'): Record<string, unknown> {
  const item = { id: 'msg_mock', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] };
  return {
    id: 'resp_mock',
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    model,
    output: status === 'completed' ? [item] : [],
    usage:
      status === 'completed'
        ? { input_tokens: 12, output_tokens: 4, total_tokens: 16, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } }
        : null,
  };
}

export function responsesEvents(model: string, text: string): string[] {
  let seq = 0;
  const ev = (type: string, v: Record<string, unknown>): string =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...v })}\n\n`;
  const item = { id: 'msg_mock', type: 'message', role: 'assistant' };
  const part = (t: string): Record<string, unknown> => ({ type: 'output_text', text: t, annotations: [] });
  const at = { item_id: 'msg_mock', output_index: 0, content_index: 0 };
  return [
    ev('response.created', { response: responseObject(model, text, 'in_progress') }),
    ev('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }),
    ev('response.content_part.added', { ...at, part: part('') }),
    ev('response.output_text.delta', { ...at, delta: text }),
    ev('response.output_text.done', { ...at, text }),
    ev('response.content_part.done', { ...at, part: part(text) }),
    ev('response.output_item.done', { output_index: 0, item: { ...item, status: 'completed', content: [part(text)] } }),
    ev('response.completed', { response: responseObject(model, text, 'completed') }),
  ];
}

function answer(res: ServerResponse, family: Family, route: Route, body: Record<string, unknown>, text: string): void {
  const model = typeof body.model === 'string' ? body.model : '';
  const stream = body.stream === true;
  switch (route) {
    case 'models':
      return sendJson(res, 200, { object: 'list', data: [...MODELS[family]].map((id) => ({ id, object: 'model', created: 0, owned_by: 'system' })) });
    case 'count-tokens':
      return sendJson(res, 200, { input_tokens: 12 });
    case 'chat': {
      const opts = body.stream_options as { include_usage?: unknown } | undefined;
      return stream ? sendSse(res, chatEvents(model, text, opts?.include_usage === true)) : sendJson(res, 200, chatJson(model, text));
    }
    case 'messages':
      return stream ? sendSse(res, anthropicEvents(model, text)) : sendJson(res, 200, anthropicMessage(model, text));
    case 'responses':
      return stream ? sendSse(res, responsesEvents(model, text)) : sendJson(res, 200, responseObject(model, text, 'completed'));
  }
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

const MAX_BODY = 8 * 1024 * 1024;

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const maxRequests = options.maxRequests ?? 200;
  const lifetimeMs = options.lifetimeMs ?? 15 * 60_000;
  const reply = options.reply ?? `MOCK_OK_${randomBytes(4).toString('hex')}`;
  const requests: RecordedRequest[] = [];
  let count = 0;
  let closed = false;

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    count++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const routed = routeOf(method, url.pathname);
    let body: unknown = null;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = { _raw: raw.slice(0, 4000) };
      }
    }
    const rec: RecordedRequest = {
      n: count,
      at: new Date().toISOString(),
      method,
      url: req.url ?? '/',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      family: routed.family,
      route: routed.route,
      headers: req.headers,
      body,
      status: 0,
      outcome: 'ok',
      errorMessage: null,
    };
    requests.push(rec);
    const fail = (outcome: Outcome, err: ApiError): void => {
      rec.status = err.status;
      rec.outcome = outcome;
      rec.errorMessage = err.message;
      sendError(res, routed.route, err);
    };

    if (count > maxRequests) {
      rec.status = 503;
      rec.outcome = 'limit';
      rec.errorMessage = 'mock: request limit reached';
      return sendJson(res, 503, { error: { message: rec.errorMessage, code: 'ServiceUnavailable' } });
    }
    if (routed.route === null) {
      if (routed.outcome === 'url-error') return fail('url-error', ERRORS.urlError);
      rec.status = 404;
      rec.outcome = 'not-found';
      rec.errorMessage = '404 status code (no body)';
      res.writeHead(404);
      return void res.end();
    }
    const { family, route } = routed;
    const keyFailure = checkKey(family, req.headers);
    if (keyFailure) return fail(keyFailure.outcome, keyFailure.error);
    if (route === 'models') {
      rec.status = 200;
      return answer(res, family, route, {}, reply);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body) || '_raw' in body) {
      return fail('bad-json', { status: 400, code: 'InvalidParameter', anthropicType: 'invalid_request_error', message: 'Request body is not valid JSON.' });
    }
    const json = body as Record<string, unknown>;
    const problem = checkModel(family, route, json.model) ?? checkThinking(route, json);
    if (problem) return fail(problem.outcome, problem.error);
    rec.status = 200;
    answer(res, family, route, json, reply);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        if (!res.headersSent) sendJson(res, 500, { error: { message: `mock: ${(err as Error).message}` } });
        else res.end();
      }
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, random port.
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    if (!closing) {
      closed = true;
      clearTimeout(lifetime);
      closing = new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    return closing;
  };
  // A forgotten server must not outlive the suite; unref so it never holds the process open either.
  const lifetime = setTimeout(() => void close(), lifetimeMs);
  lifetime.unref();

  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    reply,
    baseUrl: (family) => `${origin}/${family}`,
    get requests() {
      return requests;
    },
    modelRequests: () => requests.filter((r) => r.route === 'chat' || r.route === 'responses' || r.route === 'messages'),
    clear: () => {
      requests.length = 0;
    },
    close,
    get closed() {
      return closed;
    },
  };
}
