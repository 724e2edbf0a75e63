import { describe, expect, it } from 'vitest';
import {
  changedMicroFields,
  characterCount,
  createMicroBody,
  emptyMicroDraft,
  hasMicroChanges,
  microCounter,
  microCounterText,
  missingForSubmit,
  normalizeMicroDraft,
} from './micro-draft.ts';

describe('the character count against the committee limit', () => {
  it('counts characters as the server does (code points), problem plus suggestion', () => {
    expect(characterCount('路灯不亮')).toBe(4);
    expect(characterCount('𠀀a')).toBe(2);
    expect(characterCount(undefined)).toBe(0);
    expect(microCounter({ problem: '路灯不亮', suggestion: '尽快修复' }, 500).count).toBe(8);
  });

  it('is over only past the limit, and near from 90% on', () => {
    expect(microCounter({ problem: 'a'.repeat(449), suggestion: '' }, 500)).toEqual({
      count: 449,
      max: 500,
      over: false,
      remaining: 51,
      near: false,
    });
    expect(microCounter({ problem: 'a'.repeat(450), suggestion: '' }, 500)).toMatchObject({ near: true, over: false });
    expect(microCounter({ problem: 'a'.repeat(250), suggestion: 'b'.repeat(250) }, 500)).toMatchObject({
      over: false,
      remaining: 0,
      near: true,
    });
    expect(microCounter({ problem: 'a'.repeat(250), suggestion: 'b'.repeat(251) }, 500)).toMatchObject({
      over: true,
      remaining: -1,
      near: false,
    });
  });

  it('says how much is left near the limit and how much to cut past it', () => {
    expect(microCounterText(microCounter({ problem: '问题', suggestion: '建议' }, 500))).toBe('问题＋建议 4 / 500 字');
    expect(microCounterText(microCounter({ problem: 'a'.repeat(95), suggestion: '' }, 100))).toBe(
      '问题＋建议 95 / 100 字，还可写 5 字',
    );
    expect(microCounterText(microCounter({ problem: 'a'.repeat(108), suggestion: '' }, 100))).toBe(
      '问题＋建议 108 / 100 字，超出 8 字，请删减',
    );
  });
});

describe('the draft fields autosave sends', () => {
  const saved = { title: '幸福路路灯不亮', place: '城关街道', problem: '三盏路灯不亮', suggestion: '' };

  it('sends nothing when nothing changed (whitespace around title and place ignored)', () => {
    expect(changedMicroFields(saved, { ...saved, title: ` ${saved.title} `, place: '城关街道 ' })).toEqual({});
    expect(hasMicroChanges({})).toBe(false);
  });

  it('sends only the fields that differ', () => {
    const changes = changedMicroFields(saved, { ...saved, suggestion: '请尽快修复' });
    expect(changes).toEqual({ suggestion: '请尽快修复' });
    expect(hasMicroChanges(changes)).toBe(true);
  });

  it('never sends an empty title', () => {
    expect(changedMicroFields(saved, { ...saved, title: '  ' })).toEqual({});
  });

  it('needs a title before the first save, and trims title and place', () => {
    expect(createMicroBody({ problem: '问题' })).toBeNull();
    expect(createMicroBody({ title: ' 路灯 ', place: ' 幸福社区 ' })).toEqual({
      title: '路灯',
      place: '幸福社区',
      problem: '',
      suggestion: '',
    });
  });

  it('fills missing fields', () => {
    expect(normalizeMicroDraft({})).toEqual(emptyMicroDraft());
  });
});

describe('what is missing before submitting', () => {
  it('names every empty field with its message', () => {
    expect(missingForSubmit({ title: '路灯', place: ' ', problem: '', suggestion: '修' }).map((entry) => entry.name)).toEqual([
      'place',
      'problem',
    ]);
    expect(missingForSubmit({})[0]).toEqual({ name: 'title', message: '请填写标题' });
  });

  it('is empty when all four are filled', () => {
    expect(missingForSubmit({ title: '路灯', place: '幸福社区', problem: '不亮', suggestion: '修复' })).toEqual([]);
  });
});
