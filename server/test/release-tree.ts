import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, realpathSync } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { extract as createExtract } from 'tar-stream';

/** The repository's root folder. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs git in a repository (this one by default); returns its trimmed output, or null when git answers with an error. */
function git(args: string[], repository = REPOSITORY_ROOT): string | null {
  try {
    return execFileSync('git', args, { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('The upgrade test needs git on PATH to take the last release from the repository.');
    }
    return null;
  }
}

/**
 * The commit of the last release: its tag when the clone has it (which must agree with the recorded commit), else
 * the recorded commit. Fails with a clear message when neither is in the repository: the test never passes without
 * having run.
 */
export function resolveReleaseCommit(release: { tag: string; commit: string }, repository = REPOSITORY_ROOT): string {
  const tagged = git(['rev-parse', '--verify', '--quiet', `refs/tags/${release.tag}^{commit}`], repository);
  if (tagged) {
    if (tagged !== release.commit) {
      throw new Error(
        `Tag ${release.tag} is commit ${tagged}, but server/test/last-release.ts records ${release.commit}: update the file.`,
      );
    }
    return tagged;
  }
  if (git(['cat-file', '-e', `${release.commit}^{commit}`], repository) !== null) return release.commit;
  throw new Error(
    `The last release ${release.tag} (commit ${release.commit}) is not in this clone: fetch it (git fetch --tags, or a ` +
      'full clone instead of a shallow one) so that the upgrade test can build its database.',
  );
}

/** Writes `git archive` of the commit into `folder`, refusing any entry that would land outside it. */
async function unpackCommit(commit: string, folder: string): Promise<void> {
  const child = spawn('git', ['archive', '--format=tar', commit], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
  const archive = createExtract();
  const reading = pipeline(child.stdout, archive);
  reading.catch(() => {});
  for await (const entry of archive) {
    const target = resolve(folder, entry.header.name);
    if (!target.startsWith(`${folder}${sep}`)) throw new Error(`git archive entry outside the folder: ${entry.header.name}`);
    if (entry.header.type === 'directory') {
      await mkdir(target, { recursive: true });
      entry.resume();
    } else if (entry.header.type === 'file') {
      await mkdir(dirname(target), { recursive: true });
      await pipeline(entry, createWriteStream(target));
      await chmod(target, entry.header.mode & 0o777);
    } else {
      entry.resume(); // the release has no links; nothing else is needed to run it
    }
  }
  await reading;
  const code = await exited;
  if (code !== 0) throw new Error(`git archive ${commit} failed (${code}): ${stderr}`);
}

/**
 * The release's source tree in `.cache/releases/<tag>-<commit>/` inside the repository (so its imports resolve the
 * repository's node_modules), extracted with `git archive` once and reused. Extraction goes to a temporary folder
 * renamed at the end, so two test runs side by side never see half a tree.
 */
export async function releaseTree(release: { tag: string }, commit: string): Promise<string> {
  const folder = join(REPOSITORY_ROOT, '.cache', 'releases', `${release.tag}-${commit.slice(0, 12)}`);
  if (existsSync(join(folder, 'package.json'))) return folder;
  const partial = `${folder}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await unpackCommit(commit, realpathSync(partial));
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (existsSync(join(folder, 'package.json'))) return folder; // another run finished first
    throw error;
  }
  return folder;
}

/** The tsx command line entry of the repository, run with this Node (CI runs the suite on more than one version). */
export function tsxCli(): string {
  return realpathSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx'));
}
