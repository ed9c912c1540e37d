// Starts the real engine (the built host, Development environment, a fresh SQLite file) on a free
// loopback port, and stops it. Tests talk to it over real HTTP, WebSockets and a real browser.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostDir = join(repo, 'src', 'CustomerEngine.Host');
const hostDll = join(hostDir, 'bin', 'Release', 'net10.0', 'CustomerEngine.Host.dll');

export const adminKey = 'demo-admin-key';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

export async function startEngine({ port, folder, extraArgs = [] } = {}) {
  if (!existsSync(hostDll)) throw new Error(`${hostDll} is missing: build first (dotnet build CustomerEngine.sln -c Release)`);
  port ??= await freePort();
  folder ??= mkdtempSync(join(tmpdir(), 'ce-browser-'));
  const child = spawn('dotnet', [hostDll, '--urls', `http://127.0.0.1:${port}`, `--Storage:Path=${join(folder, 'engine.db')}`, ...extraArgs], {
    cwd: hostDir,
    env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', Logging__LogLevel__Default: 'Warning' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', d => { output += d; });
  child.stderr.on('data', d => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the engine exited with ${child.exitCode}:\n${output}`);
    try { if ((await fetch(url + '/health')).ok) break; } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  return {
    url, port, folder,
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise(r => child.once('exit', r));
      }
      if (!keepData) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function postEvents(engine, events) {
  const response = await fetch(engine.url + '/api/events', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': adminKey }, body: JSON.stringify(events),
  });
  if (response.status !== 202) throw new Error(`posting events answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function getJson(engine, path) {
  const response = await fetch(engine.url + path, { headers: { 'X-Api-Key': adminKey } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
