import { describe, expect, it } from 'vitest';
import { publicPhotosOf, publishBody, removedText } from './publication-rules.ts';

const photo = (id: string) => ({
  id,
  kind: 'problem' as const,
  fileName: `${id}.jpg`,
  contentType: 'image/jpeg',
  size: 10,
  url: `/api/v1/micro-suggestions/x/photos/${id}`,
  createdAt: '2026-05-01T00:00:00Z',
});

describe('what goes public', () => {
  it('offers the problem photos, then the sent replies’ photos, for a unit', () => {
    const item = {
      photos: [photo('p1')],
      handlingMode: 'unit' as const,
      memberReport: null,
      handling: {
        replies: [
          { sentAt: '2026-05-10T00:00:00Z', photos: [photo('r1')] },
          { sentAt: null, photos: [photo('draft')] },
        ],
      },
    } as unknown as Parameters<typeof publicPhotosOf>[0];
    expect(publicPhotosOf(item).map((entry) => `${entry.id}:${entry.label}`)).toEqual(['p1:问题照片', 'r1:办理后照片']);
  });

  it('offers the member’s result photos when the member took it on', () => {
    const item = {
      photos: [],
      handlingMode: 'member' as const,
      handling: null,
      memberReport: { text: '已修复', reportedAt: null, photos: [photo('m1')], canAddPhotos: false },
    } as unknown as Parameters<typeof publicPhotosOf>[0];
    expect(publicPhotosOf(item).map((entry) => entry.id)).toEqual(['m1']);
  });

  it('sends only the texts the office changed, and the photos only when not all are kept', () => {
    const proposed = { title: '路灯', place: '城关', problem: '不亮', suggestion: '修复', reply: '已修复' };
    expect(publishBody(proposed, { ...proposed, title: ' 路灯 ' }, ['a', 'b'], ['b', 'a'])).toEqual({});
    expect(publishBody(proposed, { ...proposed, reply: '已于5月修复' }, ['a', 'b'], ['a'])).toEqual({
      reply: '已于5月修复',
      photoIds: ['a'],
    });
    expect(publishBody(proposed, proposed, ['a'], [])).toEqual({ photoIds: [] });
  });

  it('says what redaction removed', () => {
    expect(removedText({ 手机号: 2, 身份证号: 1 })).toBe('手机号 2 处、身份证号 1 处');
    expect(removedText({ 手机号: 0 })).toBeNull();
    expect(removedText({})).toBeNull();
  });
});
