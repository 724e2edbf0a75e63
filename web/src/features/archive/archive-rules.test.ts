import { describe, expect, it } from 'vitest';
import { archiveBlocker, sizeText } from './archive-rules.ts';

describe('archive rules', () => {
  it.each([
    [{ isCurrent: false, archivedAt: null }, null],
    [{ isCurrent: true, archivedAt: null }, '当前会议不能归档：请先将下一次会议设为当前会议'],
    [{ isCurrent: false, archivedAt: '2026-03-01T00:00:00Z' }, '已归档'],
  ])('%o → %s', (session, blocker) => {
    expect(archiveBlocker(session)).toBe(blocker);
  });

  it.each([
    [null, '—'],
    [512, '512 B'],
    [2048, '2.0 KB'],
    [5 * 1024 * 1024 + 100_000, '5.1 MB'],
  ])('size %s → %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
