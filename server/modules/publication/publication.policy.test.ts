import { describe, expect, it } from 'vitest';
import { isReplied, publicationRefusal } from './publication.policy.ts';

const base = { state: 'replied', isSecret: false, agreesToPublish: true, publicationRefusalReason: null };

describe('publication policy', () => {
  it.each([
    ['replied', null, true],
    ['rehandling', null, true],
    ['closed', null, true],
    ['assigned', null, false],
    ['rejected', null, false],
    ['archived', 'closed', true],
    ['archived', 'replied', true],
    ['archived', 'rejected', false],
    ['archived', null, false],
  ])('state %s (archived from %s): replied %s', (state, before, replied) => {
    expect(isReplied({ state, stateBeforeArchive: before })).toBe(replied);
  });

  it.each([
    [{}, 'published', null],
    [{ state: 'handling' }, 'published', 'not_replied'],
    [{ state: 'handling' }, 'not_published', null],
    [{ isSecret: true }, 'partly_published', 'secret'],
    [{ isSecret: true }, 'not_published', null],
    [{ agreesToPublish: false, publicationRefusalReason: '涉及个人' }, 'published', 'proposer_declined'],
    [{ state: 'archived', stateBeforeArchive: 'withdrawn' }, 'published', 'not_replied'],
  ] as const)('%o deciding %s → %s', (facts, decision, code) => {
    expect(publicationRefusal({ ...base, ...facts }, decision)?.code ?? null).toBe(code);
  });

  it('names the proposer’s reason in the refusal', () => {
    expect(
      publicationRefusal({ ...base, agreesToPublish: false, publicationRefusalReason: '涉及个人' }, 'published')?.detail,
    ).toContain('涉及个人');
  });
});
