import { describe, expect, it } from 'vitest';
import { bodyCharacterCount, bodyCounter, characterCount } from './body-counter.ts';
import { applyChanges, changedDraftFields, createBody, emptyDraft, normalizeDraft } from './draft-fields.ts';

describe('body counter', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(characterCount('建议')).toBe(2);
    expect(characterCount('𠀀a')).toBe(2);
    expect(characterCount(null)).toBe(0);
  });

  it('adds background and suggestions', () => {
    expect(bodyCharacterCount({ background: '情况', suggestions: '建议一' })).toBe(5);
  });

  it('is over the limit only past it', () => {
    expect(bodyCounter({ background: 'a'.repeat(10), suggestions: '' }, 10)).toEqual({
      count: 10,
      max: 10,
      over: false,
      remaining: 0,
    });
    expect(bodyCounter({ background: 'a'.repeat(10), suggestions: 'b' }, 10)).toMatchObject({ over: true, remaining: -1 });
  });
});

describe('changed draft fields', () => {
  const saved = { ...emptyDraft(), title: '关于加强社区养老服务的建议', keywords: ['养老'] };

  it('is empty when nothing changed', () => {
    expect(changedDraftFields(saved, { ...saved })).toEqual({});
  });

  it('sends only the fields that differ', () => {
    expect(changedDraftFields(saved, { ...saved, background: '现状' })).toEqual({ background: '现状' });
  });

  it('ignores whitespace around the title, and never sends an empty title', () => {
    expect(changedDraftFields(saved, { ...saved, title: ` ${saved.title} ` })).toEqual({});
    expect(changedDraftFields(saved, { ...saved, title: '   ' })).toEqual({});
  });

  it('compares keywords in order, without blanks or repeats', () => {
    expect(changedDraftFields(saved, { ...saved, keywords: ['养老', ' 养老 ', ''] })).toEqual({});
    expect(changedDraftFields(saved, { ...saved, keywords: ['养老', '社区'] })).toEqual({ keywords: ['养老', '社区'] });
  });

  it('keeps the refusal reason only while publication is refused', () => {
    expect(changedDraftFields(saved, { ...saved, agreesToPublish: false, publicationRefusalReason: ' 涉及个人 ' })).toEqual({
      agreesToPublish: false,
      publicationRefusalReason: '涉及个人',
    });
    expect(changedDraftFields(saved, { ...saved, publicationRefusalReason: '无关' })).toEqual({});
  });

  it('applies saved changes to the saved values', () => {
    const next = applyChanges(saved, { background: '现状' });
    expect(next.background).toBe('现状');
    expect(changedDraftFields(next, { ...saved, background: '现状' })).toEqual({});
  });

  it('needs a title to create a draft', () => {
    expect(createBody({ background: '现状' })).toBeNull();
    expect(createBody({ title: ' 案由 ' })).toMatchObject({ title: '案由', keywords: [], agreesToPublish: true });
  });

  it('fills missing fields when normalizing', () => {
    expect(normalizeDraft({})).toEqual(emptyDraft());
  });
});
