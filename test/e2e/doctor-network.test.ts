import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { cleanEnv, PLAN_KEY, runCli, tempHome } from '../helpers/cli.js';

async function configuredFor(baseUrl: string): Promise<{ home: string; env: Record<string, string> }> {
  const home = await tempHome();
  const env = cleanEnv(home, { K: PLAN_KEY });
  const r = await runCli(['--plan', 'coding', '--region', 'intl', '--tools', 'qwen-code', '--yes', '--key-env', 'K', '--base-url', baseUrl, '--home', home], { env });
  expect(r.exitCode, r.stderr).toBe(0);
  return { home, env };
}

const codes = (stdout: string) => JSON.parse(stdout).findings.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`);

describe('doctor --network (DNS and TLS only; never a request with the key)', () => {
  it('a host that does not resolve → NET_DNS', async () => {
    const { home, env } = await configuredFor('https://model-studio.tp-setup-test.invalid');
    const r = await runCli(['doctor', '--network', '--home', home, '--json'], { env });
    expect(codes(r.stdout)).toContain('NET_DNS:error');
    expect(r.exitCode).toBe(3);
  });

  it('a TLS endpoint whose certificate does not verify → NET_TLS, and the server sees no HTTP request', async () => {
    const dir = await tempHome('tp-tls-');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    let received = '';
    const server = tls.createServer({ key: readFileSync(path.join(dir, 'k.pem')), cert: readFileSync(path.join(dir, 'c.pem')) }, (s) => {
      s.on('data', (d) => (received += String(d)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const { home, env } = await configuredFor(`https://localhost:${port}`);
      const r = await runCli(['doctor', '--network', '--home', home, '--json'], { env });
      expect(codes(r.stdout)).toContain('NET_TLS:error');
      expect(received).toBe('');
    } finally {
      server.close();
    }
  });

  it('names the proxy that applies, and respects NO_PROXY', async () => {
    const { home, env } = await configuredFor('https://model-studio.tp-setup-test.invalid');
    const via = await runCli(['doctor', '--network', '--home', home, '--json'], { env: { ...env, HTTPS_PROXY: 'http://user:secret@proxy.example:3128' } });
    const f = JSON.parse(via.stdout).findings.find((x: { code: string }) => x.code === 'NET_PROXY');
    expect(f.message).toContain('HTTPS_PROXY=http://***@proxy.example:3128');
    expect(via.stdout).not.toContain('secret');
    const bypass = await runCli(['doctor', '--network', '--home', home, '--json'], { env: { ...env, HTTPS_PROXY: 'http://proxy.example:3128', NO_PROXY: '.invalid' } });
    expect(codes(bypass.stdout)).not.toContain('NET_PROXY:info');
  });
});
