// `npm start`: builds the web app when its bundle is missing or older than its sources, then runs the server.
// Signals go to the server, which shuts down gracefully (in-flight requests finish, the database closes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time of the files below a folder (0 when missing). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const bundle = join(root, 'web/dist/index.html');
const sources = Math.max(newest(join(root, 'web/src')), newest(join(root, 'web/index.html')), newest(join(root, 'contracts')));
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
  console.log('正在构建网页前端（首次启动约需一分钟）…');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
