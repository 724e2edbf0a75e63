import { describe, expect, it } from 'vitest';
import { lastRelease } from './last-release.ts';
import { resolveReleaseCommit } from './release-tree.ts';

describe('finding the last release for the upgrade test', () => {
  it('takes the release from its tag, which agrees with the recorded commit', () => {
    expect(resolveReleaseCommit(lastRelease)).toBe(lastRelease.commit);
  });

  it('fails with a clear message when neither the tag nor the commit is in the clone', () => {
    expect(() => resolveReleaseCommit({ tag: 'v0.0.0-missing', commit: '0123456789abcdef0123456789abcdef01234567' })).toThrow(
      /v0\.0\.0-missing \(commit 0123456789abcdef0123456789abcdef01234567\) is not in this clone: fetch it/,
    );
  });

  it('fails when the tag and the recorded commit disagree (the file was not updated for a release)', () => {
    expect(() => resolveReleaseCommit({ tag: lastRelease.tag, commit: 'f'.repeat(40) })).toThrow(/update the file/);
  });
});
