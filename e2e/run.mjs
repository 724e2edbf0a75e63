// `npm run test:e2e`: browser journeys against the real server. Installs nothing; builds the web app only when
// web/dist is missing; starts `npx tsx server/main.ts` with a fresh DATA_DIR on a free PORT, runs every journey in
// Debian's Chromium through playwright-core, saves screenshots to e2e/artifacts/, prints "N passed, M failed",
// exits non-zero on any failure, and always stops the server.
// Options: a journey file name filters (`npm run test:e2e -- phone`); E2E_BASE_URL uses a running server instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './support/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = join(root, 'e2e/artifacts');
const journeysDir = join(root, 'e2e/journeys');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const JOURNEY_TIMEOUT_MS = 180_000;

/** Builds web/dist when it is missing (the server serves it). */
function ensureWebBuild() {
  if (existsSync(join(root, 'web/dist/index.html'))) return;
  console.log('web/dist 不存在，正在构建网页前端…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('网页前端构建失败');
}

/** Rejects after the timeout, naming what timed out. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} 超时（${ms / 1000} 秒）`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every journey; answers the counts. */
async function main() {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(journeysDir)
    .filter((file) => file.endsWith('.mjs') && file.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`没有匹配“${filter}”的旅程`);
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium：${CHROMIUM}（apt-get install -y chromium）`);
  mkdirSync(artifacts, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'cppcc-e2e-files-'));

  let server = null;
  let browser = null;
  let passed = 0;
  let failed = 0;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    console.error(`收到 ${signal}，正在停止服务器…`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let baseUrl = process.env.E2E_BASE_URL;
    if (!baseUrl) {
      ensureWebBuild();
      const started = Date.now();
      server = await startServer({ root });
      baseUrl = server.url;
      console.log(`服务器已启动：${baseUrl}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    for (const file of files) {
      const journey = await import(pathToFileURL(join(journeysDir, file)).href);
      const label = journey.name ?? file;
      const started = Date.now();
      let shot = 0;
      const screenshot = async (page, name) => {
        shot += 1;
        await page.screenshot({
          path: join(artifacts, `${file.replace(/\.mjs$/, '')}-${String(shot).padStart(2, '0')}-${name}.png`),
          fullPage: true,
        });
      };
      const contexts = [];
      /** API requests still without an answer, to name a hanging one when a journey fails. */
      const pending = new Map();
      const newContext = async (options) => {
        const context = await browser.newContext(options);
        contexts.push(context);
        context.on('request', (request) => {
          if (request.url().includes('/api/')) pending.set(request, Date.now());
        });
        context.on('requestfinished', (request) => pending.delete(request));
        context.on('requestfailed', (request) => pending.delete(request));
        return context;
      };
      try {
        await withTimeout(journey.run({ newContext, baseUrl, screenshot, workDir, artifacts }), JOURNEY_TIMEOUT_MS, label);
        passed += 1;
        console.log(`✓ ${label}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
      } catch (error) {
        failed += 1;
        console.error(
          `✗ ${label}\n  ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').slice(0, 8).join('\n  ')}`,
        );
        for (const [request, since] of pending) {
          console.error(
            `  未完成的请求：${request.method()} ${request.url()}（已等待 ${((Date.now() - since) / 1000).toFixed(1)} 秒）`,
          );
        }
        for (const page of contexts.flatMap((context) => context.pages())) {
          await screenshot(page, 'failure').catch(() => undefined);
        }
      } finally {
        for (const context of contexts) await context.close().catch(() => undefined);
      }
    }
    if (failed > 0 && server) {
      const log = server.output.join('').trim();
      if (log) console.error(`服务器输出（最后 40 行）：\n${log.split('\n').slice(-40).join('\n')}`);
    }
  } finally {
    await stopAll();
  }
  return { passed, failed };
}

main()
  .then(({ passed, failed }) => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
