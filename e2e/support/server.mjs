// Starts the real server (`npx tsx server/main.ts`) on a free port with a fresh data directory, and stops it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until GET /api/health answers 200, or fails after the timeout (with the server's output). */
async function waitForHealth(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务器启动失败（退出码 ${child.exitCode}）：\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`服务器在 ${timeoutMs / 1000} 秒内未就绪：\n${output.join('')}`);
}

/**
 * Starts the server in its own process group (so stopping it also stops tsx's child), with a temporary
 * DATA_DIR (the demo committee is seeded into it) and a free PORT. Answers { url, stop, output }.
 */
export async function startServer({ root, timeoutMs = 120_000 }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-e2e-'));
  const port = await freePort();
  const output = [];
  const environment = { ...process.env };
  // The journeys use the embedded database in their own directory, never a configured server.
  delete environment.DATABASE_URL;
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...environment,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      SEED_DEMO: 'auto',
      LOG_LEVEL: 'warn',
      PGLITE_RELAXED_DURABILITY: '1',
      LOGIN_RATE_LIMIT: '100',
      RATE_LIMIT_PER_MINUTE: '2000',
    },
  });
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, output };
}
