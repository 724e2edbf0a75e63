/**
 * What the office publishes of a resolved micro-suggestion: the photos it may show (the member's of the problem as
 * "before", the reply's or the member's result as "after"), the body of the publish action (only the texts the
 * office changed, and the photo choice only when it is not "all"), and the line that says what redaction removed.
 */
import type { MicroSuggestion, PublishInput } from '../../../../contracts/micro-suggestions.ts';

/** The public texts. */
export type PublicTexts = { title: string; place: string; problem: string; suggestion: string; reply: string };
/** A photo the office may publish, with its label. */
export type PublicPhotoChoice = { id: string; url: string; label: '问题照片' | '办理后照片' };

const textFields = ['title', 'place', 'problem', 'suggestion', 'reply'] as const;

/** The photos of an item that may go public: before (the problem) first, then after (replies' or the result's). */
export function publicPhotosOf(
  item: Pick<MicroSuggestion, 'photos' | 'handling' | 'memberReport' | 'handlingMode'>,
): PublicPhotoChoice[] {
  const before = item.photos.map((photo) => ({ id: photo.id, url: photo.url, label: '问题照片' as const }));
  const afterPhotos =
    item.handlingMode === 'member'
      ? (item.memberReport?.photos ?? [])
      : (item.handling?.replies ?? []).flatMap((reply) => (reply.sentAt ? reply.photos : []));
  const after = afterPhotos.map((photo) => ({ id: photo.id, url: photo.url, label: '办理后照片' as const }));
  return [...before, ...after];
}

/** The publish body: the texts the office changed (trimmed title and place), and the photos unless all are kept. */
export function publishBody(
  proposed: PublicTexts,
  values: Partial<PublicTexts>,
  allPhotoIds: readonly string[],
  chosenPhotoIds: readonly string[],
): NonNullable<PublishInput> {
  const body: NonNullable<PublishInput> = {};
  for (const field of textFields) {
    const value = values[field];
    if (value === undefined) continue;
    const next = field === 'title' || field === 'place' ? value.trim() : value;
    const before = field === 'title' || field === 'place' ? proposed[field].trim() : proposed[field];
    if (next !== before) body[field] = next;
  }
  const chosen = new Set(chosenPhotoIds);
  const all = allPhotoIds.length === chosen.size && allPhotoIds.every((id) => chosen.has(id));
  if (!all) body.photoIds = allPhotoIds.filter((id) => chosen.has(id));
  return body;
}

/** "手机号 2 处、身份证号 1 处" of what redaction removed; null when nothing. */
export function removedText(removed: Record<string, number>): string | null {
  const parts = Object.entries(removed)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count} 处`);
  return parts.length > 0 ? parts.join('、') : null;
}
