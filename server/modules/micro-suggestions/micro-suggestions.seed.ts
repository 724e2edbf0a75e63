import { and, eq, sql } from 'drizzle-orm';
import type { MicroSuggestion } from '../../../contracts/micro-suggestions.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/calendar/business-date.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { draftReply } from '../handling/actions/draft-reply.ts';
import { rateReply } from '../handling/actions/rate-reply.ts';
import { uploadReplyAttachment } from '../handling/actions/reply-attachments.ts';
import { sendReply } from '../handling/actions/send-reply.ts';
import { itemAssignments } from '../handling/handled-items.tables.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { units } from '../people/people.tables.ts';
import { signForAssignment } from '../proposals/actions/sign-for-assignment.ts';
import { demoActors } from '../proposals/proposals.seed.ts';
import { convertMicroSuggestion } from './actions/convert-micro-suggestion.ts';
import { createMicroSuggestion } from './actions/create-micro-suggestion.ts';
import { loadPhotoLimits, uploadMicroPhoto } from './actions/micro-photos.ts';
import { publishMicroSuggestion } from './actions/publish-micro-suggestion.ts';
import { acceptMicroSuggestion, declineMicroSuggestion, mergeMicroSuggestion } from './actions/review-micro-suggestion.ts';
import { submitMicroSuggestion } from './actions/submit-micro-suggestion.ts';
import { reportMicroResult, takeOnMicroSuggestion } from './actions/take-on-micro-suggestion.ts';
import { transferMicroSuggestion } from './actions/transfer-micro-suggestion.ts';
import { afterPng, beforePng } from './micro-suggestions.demo-photos.ts';
import { type DemoMicroText, demoMicroTexts } from './micro-suggestions.demo-texts.ts';
import { microSuggestions } from './micro-suggestions.tables.ts';

const seedContext: RequestContext = { ip: null, requestId: 'demo-seed' };

/**
 * Seeds micro-suggestions through the real actions (each with its events and notices), one in every state: a draft,
 * submitted ones (one a duplicate, merged), accepted, declined, converted into a proposal draft, being handled by the
 * 发改委 (signed for), overdue at the 城管局 (its dates set back, as the supervision seed does), taken on by a member,
 * replied (with an after photo, waiting for the rating), reopened after a dissatisfied rating, resolved by the
 * member, and resolved with before and after photos, rated satisfied and published on the portal. Does nothing when
 * the demo accounts are missing or the committee already has micro-suggestions.
 */
export async function seedDemoMicroSuggestions(deps: AppDependencies, orgId: string, today: string): Promise<void> {
  const orm = deps.database.orm;
  const [existing] = await orm
    .select({ total: sql<number>`count(*)::int` })
    .from(microSuggestions)
    .where(eq(microSuggestions.orgId, orgId));
  if (existing.total > 0) return;
  const actors = await demoActors(deps, orgId);
  const office = actors.get('office');
  const member = (index: number) => actors.get(`member${index}`);
  if (!office || !member(1) || !member(5)) return;
  const unitRows = await orm.select({ id: units.id, name: units.name }).from(units).where(eq(units.orgId, orgId));
  const unitId = (name: string) => unitRows.find((row) => row.name === name)?.id as string;
  const handlerOf = (name: string) =>
    [...actors.values()].find((actor) => actor.unitId === unitId(name) && actor.roles.includes('unit_handler'));
  const categories = await orm
    .select({ id: dictionaryEntries.id, name: dictionaryEntries.name })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.kind, 'proposal_category')));
  const categoryId = (name: string) => categories.find((row) => row.name === name)?.id;
  const limits = await loadPhotoLimits(deps, orgId);

  const write = async (text: DemoMicroText, writer: Actor, photo = false) => {
    const item = await createMicroSuggestion(
      deps,
      writer,
      { title: text.title, place: text.place, problem: text.problem, suggestion: text.suggestion },
      seedContext,
    );
    if (photo) {
      await uploadMicroPhoto(deps, writer, item.id, { fileName: '现场照片.png', content: beforePng() }, limits, seedContext);
    }
    return item;
  };
  const submit = async (text: DemoMicroText, writer: Actor, photo = false) => {
    const item = await write(text, writer, photo);
    return submitMicroSuggestion(deps, writer, item.id, item.version, seedContext);
  };
  const accept = async (text: DemoMicroText, writer: Actor, photo = false) => {
    const item = await submit(text, writer, photo);
    return acceptMicroSuggestion(deps, office, item.id, item.version, { categoryId: categoryId(text.category) }, seedContext);
  };
  const transfer = async (text: DemoMicroText, writer: Actor, photo = false) => {
    const item = await accept(text, writer, photo);
    return transferMicroSuggestion(
      deps,
      office,
      item.id,
      item.version,
      { unitId: unitId(text.unit as string), note: '请按期办理并及时答复委员' },
      seedContext,
    );
  };
  /** The unit signs for it, replies (with an after photo when asked) and sends; returns the reply id. */
  const reply = async (item: MicroSuggestion, text: DemoMicroText, replyText: string, photo: boolean) => {
    const handler = handlerOf(text.unit as string) as Actor;
    const [assignment] = await orm
      .select()
      .from(itemAssignments)
      .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, item.id)));
    if (assignment.state === 'pending') {
      await signForAssignment(deps, handler, assignment.id, assignment.version, seedContext);
    }
    let draft = await draftReply(
      deps,
      handler,
      assignment.id,
      { kind: 'reply', text: replyText, contactPerson: '王建国', contactPhone: '0571-87051234' },
      seedContext,
    );
    if (photo) {
      await uploadReplyAttachment(deps, handler, draft.id, { fileName: '整改后.png', content: afterPng() }, seedContext);
    }
    draft = await sendReply(deps, handler, draft.id, draft.version, seedContext);
    return draft.id;
  };

  const [m1, m2, m3, m4, m5] = [1, 2, 3, 4, 5].map((index) => member(index) as Actor);
  const texts = demoMicroTexts;
  await write(texts.draft, m1, true);
  const target = await submit(texts.submitted, m2, true);
  const duplicate = await submit(texts.duplicate, m3);
  await mergeMicroSuggestion(
    deps,
    office,
    duplicate.id,
    duplicate.version,
    { targetId: target.id, reason: '反映的是同一站台' },
    seedContext,
  );
  await accept(texts.accepted, m4, true);
  const declined = await submit(texts.declined, m5);
  await declineMicroSuggestion(
    deps,
    office,
    declined.id,
    declined.version,
    { reason: '属于个人和单位内部事务，不属于微建议受理范围，建议通过单位内部渠道反映。' },
    seedContext,
  );
  const toConvert = await accept(texts.converted, m1);
  await convertMicroSuggestion(
    deps,
    office,
    toConvert.id,
    toConvert.version,
    { reason: '涉及面广，宜作为提案深入研究' },
    seedContext,
  );

  const handling = await transfer(texts.handling, m2);
  const handler1 = handlerOf(texts.handling.unit) as Actor;
  const [handlingAssignment] = await orm
    .select()
    .from(itemAssignments)
    .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, handling.id)));
  await signForAssignment(deps, handler1, handlingAssignment.id, handlingAssignment.version, seedContext);

  const overdue = await transfer(texts.overdue, m3, true);
  // Demo history: transferred 25 days ago, due 4 days ago — a red light on the board and in the unit's inbox.
  const assignedOn = addDays(today, -25);
  await orm
    .update(itemAssignments)
    .set({ assignedAt: `${assignedOn}T02:00:00.000Z`, dueOn: addDays(today, -4), adjustmentUntil: assignedOn })
    .where(and(eq(itemAssignments.orgId, orgId), eq(itemAssignments.itemId, overdue.id)));
  await orm
    .update(microSuggestions)
    .set({ submittedAt: `${addDays(assignedOn, -2)}T02:00:00.000Z`, transferredAt: `${assignedOn}T02:00:00.000Z` })
    .where(and(eq(microSuggestions.orgId, orgId), eq(microSuggestions.id, overdue.id)));

  const taken = await accept(texts.memberHandling, m4);
  await takeOnMicroSuggestion(deps, office, taken.id, taken.version, { note: '请委员跟进落实' }, seedContext);

  const replied = await transfer(texts.replied, m1, true);
  await reply(replied, texts.replied, texts.replied.reply, true);

  const rehandled = await transfer(texts.rehandling, m5);
  const firstReply = await reply(rehandled, texts.rehandling, texts.rehandling.reply, false);
  await rateReply(
    deps,
    m5,
    firstReply,
    { rating: 'dissatisfied', comment: '只在高峰时段巡逻，未设置即停即走区，问题没有根本解决。' },
    seedContext,
  );

  const reported = await accept(texts.memberReported, m2, true);
  const takenOn = await takeOnMicroSuggestion(deps, office, reported.id, reported.version, {}, seedContext);
  await uploadMicroPhoto(deps, m2, takenOn.id, { fileName: '维修后.png', content: afterPng() }, limits, seedContext);
  await reportMicroResult(
    deps,
    m2,
    takenOn.id,
    takenOn.version,
    { text: '经与街道、社区协调，损坏的5件健身器材已全部更换，社区明确了物业公司为维护责任单位。' },
    seedContext,
  );

  const published = await transfer(texts.published, m1, true);
  const publishedReply = await reply(published, texts.published, texts.published.reply, true);
  await rateReply(deps, m1, publishedReply, { rating: 'satisfied', comment: '问题解决得很快，谢谢！' }, seedContext);
  // Demo history: raised three weeks ago and resolved yesterday, so the portal's average days mean something.
  const [resolved] = await orm
    .update(microSuggestions)
    .set({
      submittedAt: `${addDays(today, -21)}T02:00:00.000Z`,
      resolvedAt: `${addDays(today, -1)}T02:00:00.000Z`,
    })
    .where(and(eq(microSuggestions.orgId, orgId), eq(microSuggestions.id, published.id)))
    .returning({ version: microSuggestions.version });
  await publishMicroSuggestion(deps, office, published.id, resolved.version, {}, seedContext);
}
