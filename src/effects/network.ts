import { promises as dns } from 'node:dns';
import tls from 'node:tls';
import { finding, type Finding } from '../core/findings.js';
import { timed, type OnTask } from './tasks.js';

/** The proxy variable that applies to a host, honouring NO_PROXY (lower-case forms too). */
export function proxyFor(host: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const get = (name: string): string | undefined => env[name] ?? env[name.toLowerCase()];
  const noProxy = (get('NO_PROXY') ?? '').split(',').map((s) => s.trim().replace(/^\*?\./, '')).filter(Boolean);
  if (noProxy.includes('*') || noProxy.some((d) => host === d || host.endsWith(`.${d}`))) return undefined;
  const name = ['HTTPS_PROXY', 'ALL_PROXY'].find((n) => get(n));
  return name ? `${name}=${get(name)!.replace(/\/\/[^@/]*@/, '//***@')}` : undefined;
}

function tlsHandshake(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, servername: host, timeout: timeoutMs }, () => {
      const ok = socket.authorized;
      const reason = socket.authorizationError ? String(socket.authorizationError) : null;
      socket.end();
      resolve(ok ? null : reason ?? 'not authorized');
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve('timed out');
    });
    socket.on('error', (err) => resolve(err.message));
  });
}

/**
 * Reachability without the key: DNS, then a TLS handshake with certificate and name checks.
 * No HTTP request is sent, so nothing can carry or spend the plan key.
 */
export async function checkHosts(urls: readonly string[], env: Readonly<Record<string, string | undefined>>, opts: { readonly timeoutMs?: number; readonly onTask?: OnTask } = {}): Promise<Finding[]> {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const key = `${url.hostname}:${url.port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = await timed(opts.onTask, { kind: 'network', host: url.hostname }, () => checkHost(url, env, opts.timeoutMs ?? 5000), (fs) => !fs.some((f) => f.severity === 'error'));
    out.push(...found);
  }
  return out;
}

/** One host: the proxy that applies, DNS, then (without a proxy) the TLS handshake. */
async function checkHost(url: URL, env: Readonly<Record<string, string | undefined>>, timeoutMs: number): Promise<Finding[]> {
  const out: Finding[] = [];
  const params = { host: url.hostname };
  const proxy = proxyFor(url.hostname, env);
  if (proxy) out.push(finding('NET_PROXY', 'info', { params: { ...params, proxy } }));
  try {
    await dns.lookup(url.hostname);
  } catch (err) {
    // Behind a proxy the proxy resolves names; a local failure then is only worth a warning.
    out.push(finding('NET_DNS', proxy ? 'warning' : 'error', { params: { ...params, reason: (err as NodeJS.ErrnoException).code ?? 'lookup failed' } }));
    return out;
  }
  if (url.protocol !== 'https:' || proxy) return out;
  const problem = await tlsHandshake(url.hostname, Number(url.port || 443), timeoutMs);
  if (problem) out.push(finding('NET_TLS', 'error', { params: { ...params, reason: problem } }));
  return out;
}
