import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastRelease } from './last-release.ts';
import { resolveReleaseCommit } from './release-tree.ts';

describe('finding the last release for the upgrade test', () => {
  it('finds the recorded release in this clone (by its tag, or by its commit in a clone without tags)', () => {
    expect(resolveReleaseCommit(lastRelease)).toBe(lastRelease.commit);
  });

  it('fails with a clear message when neither the tag nor the commit is in the clone', () => {
    expect(() => resolveReleaseCommit({ tag: 'v0.0.0-missing', commit: '0123456789abcdef0123456789abcdef01234567' })).toThrow(
      /v0\.0\.0-missing \(commit 0123456789abcdef0123456789abcdef01234567\) is not in this clone: fetch it/,
    );
  });

  it('takes the tag when it agrees, and fails when the tag and the recorded commit disagree (the file was not updated)', () => {
    // A small repository of its own: a clone of this one may have no tags at all.
    const repository = mkdtempSync(join(tmpdir(), 'cppcc-release-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: repository,
          encoding: 'utf8',
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@t',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@t',
          },
        }).trim();
      git('init', '-q');
      git('commit', '-q', '--allow-empty', '-m', 'release');
      const released = git('rev-parse', 'HEAD');
      git('tag', 'v9.9.9');
      git('commit', '-q', '--allow-empty', '-m', 'later');
      const later = git('rev-parse', 'HEAD');
      expect(resolveReleaseCommit({ tag: 'v9.9.9', commit: released }, repository)).toBe(released);
      expect(() => resolveReleaseCommit({ tag: 'v9.9.9', commit: later }, repository)).toThrow(/update the file/);
    } finally {
      rmSync(repository, { recursive: true, force: true });
    }
  });
});
