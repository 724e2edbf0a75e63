import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { downloadFileName } from '../../platform/files/attachment-files.ts';
import { fileStoreFor } from '../../platform/files/file-store.ts';
import type { AppDependencies } from '../../platform/module.ts';
import { itemReplies, replyRatings } from '../handling/handling.tables.ts';
import { writeSheet } from '../people/people.excel.ts';
import { units } from '../people/people.tables.ts';
import { proposalAttachments } from '../proposals/attachments.tables.ts';
import { loadProposalDocumentData } from '../proposals/proposals.document-data.ts';
import { proposalDocument } from '../proposals/proposals.documents.ts';
import { proposals } from '../proposals/proposals.tables.ts';
import { proposalWorkflow } from '../proposals/proposals.workflow.ts';
import { replyLetterFile } from './archive.reply-letters.ts';

/** One proposal's line in the archive index. */
export type ArchiveIndexEntry = {
  number: string | null;
  title: string;
  stateBeforeArchive: string;
  stateName: string;
  units: string[];
  replies: number;
  ratings: Record<string, number>;
  files: string[];
};

/** The package's folder of a proposal: its number and title, without characters file systems refuse. */
export function proposalFolder(number: string | null, title: string, id: string): string {
  const name = [...title.replace(/[\\/:*?"<>|\r\n\t]/g, '_')].slice(0, 40).join('');
  return `提案/${number ? `${number.replace(/[^0-9A-Za-z第号-]/g, '')}-` : `未编号-${id.slice(-6)}-`}${name}`;
}

/** A file name safe inside the ZIP (no folders, no reserved characters), at most 80 characters. */
export function safeEntryName(name: string): string {
  return [...name.replace(/[\\/:*?"<>|\r\n\t]/g, '_')].slice(0, 80).join('') || 'file';
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A file name not yet used in the folder: 附件.pdf, 附件(2).pdf… */
function uniqueName(used: Set<string>, name: string): string {
  let candidate = name;
  for (let copy = 2; used.has(candidate); copy += 1) {
    const dot = name.lastIndexOf('.');
    candidate = dot > 0 ? `${name.slice(0, dot)}(${copy})${name.slice(dot)}` : `${name}(${copy})`;
  }
  used.add(candidate);
  return candidate;
}

/**
 * Writes the archive package of a session: per proposal its Word form, every sent reply as a reply letter (Word),
 * its attachments and its replies' attachments; at the top an index as Excel (索引.xlsx) and JSON (index.json).
 * Returns the ZIP and the number of files in it.
 */
export async function buildArchivePackage(
  deps: AppDependencies,
  executor: Executor,
  office: Actor,
  sessionId: string,
): Promise<{ zip: Buffer; fileCount: number; entries: ArchiveIndexEntry[] }> {
  const orgId = office.orgId;
  const store = fileStoreFor(deps.config);
  const rows = await executor
    .select()
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.sessionId, sessionId)))
    .orderBy(asc(proposals.sequence), asc(proposals.id));
  const ids = rows.map((row) => row.id);
  const replies = ids.length
    ? await executor
        .select({ reply: itemReplies, unitName: units.name })
        .from(itemReplies)
        .innerJoin(units, and(eq(units.orgId, itemReplies.orgId), eq(units.id, itemReplies.unitId)))
        .where(and(eq(itemReplies.orgId, orgId), inArray(itemReplies.itemId, ids)))
        .orderBy(asc(itemReplies.id))
    : [];
  const ratings = ids.length
    ? await executor
        .select({ replyId: replyRatings.replyId, rating: replyRatings.rating })
        .from(replyRatings)
        .where(and(eq(replyRatings.orgId, orgId), inArray(replyRatings.itemId, ids)))
    : [];
  const attachments = ids.length
    ? await executor
        .select()
        .from(proposalAttachments)
        .where(and(eq(proposalAttachments.orgId, orgId), inArray(proposalAttachments.proposalId, ids)))
        .orderBy(asc(proposalAttachments.id))
    : [];

  const zip = new JSZip();
  const entries: ArchiveIndexEntry[] = [];
  let fileCount = 0;
  for (const proposal of rows) {
    const folder = proposalFolder(proposal.number, proposal.title, proposal.id);
    const used = new Set<string>();
    const files: string[] = [];
    const add = (name: string, content: Buffer) => {
      const path = `${folder}/${uniqueName(used, name)}`;
      zip.file(path, content);
      files.push(path);
      fileCount += 1;
    };
    add('提案.docx', await proposalDocument(await loadProposalDocumentData(deps, office, proposal.id)));
    const own = replies.filter((item) => item.reply.itemId === proposal.id && item.reply.state === 'sent');
    for (const { reply, unitName } of own) {
      const letter = await replyLetterFile(deps, executor, orgId, reply.id);
      const what = reply.kind === 'reply' ? `答复-第${reply.round}轮` : '后续办理情况报告';
      add(`${safeEntryName(`${what}-${unitName}`)}.docx`, letter.content);
      for (const attachment of letter.attachments) {
        add(`答复附件-${safeEntryName(downloadFileName(attachment))}`, await bytesOf(await store.get(attachment.storageKey)));
      }
    }
    for (const attachment of attachments.filter((row) => row.proposalId === proposal.id)) {
      add(`附件-${safeEntryName(downloadFileName(attachment))}`, await bytesOf(await store.get(attachment.storageKey)));
    }
    const counted: Record<string, number> = {};
    for (const rating of ratings.filter((row) => own.some((item) => item.reply.id === row.replyId))) {
      counted[rating.rating] = (counted[rating.rating] ?? 0) + 1;
    }
    const before = proposal.stateBeforeArchive ?? proposal.state;
    entries.push({
      number: proposal.number,
      title: proposal.title,
      stateBeforeArchive: before,
      stateName: proposalWorkflow.states[before as keyof typeof proposalWorkflow.states] ?? before,
      units: [...new Set(own.map((item) => item.unitName))],
      replies: own.length,
      ratings: counted,
      files,
    });
  }
  const ratingText = (counts: Record<string, number>) =>
    [
      ['satisfied', '满意'],
      ['basically_satisfied', '基本满意'],
      ['dissatisfied', '不满意'],
    ]
      .filter(([key]) => counts[key])
      .map(([key, name]) => `${name}${counts[key]}`)
      .join('，');
  zip.file(
    '索引.xlsx',
    await writeSheet({
      sheetName: '归档索引',
      columns: ['提案号', '案由', '归档时状态', '答复单位', '答复份数', '满意度评价', '文件'],
      rows: entries.map((entry) => [
        entry.number,
        entry.title,
        entry.stateName,
        entry.units.join('、'),
        entry.replies,
        ratingText(entry.ratings),
        entry.files.join('\n'),
      ]),
      textColumns: ['提案号'],
      widths: { 案由: 40, 文件: 60 },
    }),
  );
  zip.file('index.json', `${JSON.stringify({ sessionId, proposals: entries }, null, 2)}\n`);
  fileCount += 2;
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: content, fileCount, entries };
}

/** The hex SHA-256 of the package, stored with it so a copy can be checked. */
export function packageHash(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
