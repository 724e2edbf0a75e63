/**
 * What every attachment upload and download shares (proposal attachments, reply attachments): the checks of the
 * uploaded bytes and the headers of a safe download.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, Problem } from '../http/problem.ts';
import { recordOpenedDownload } from './download-audit.ts';
import { FileNotFoundError, fileStoreFor } from './file-store.ts';
import { acceptedTypeNames, type DetectedType, detectFileType, nameWithTypeExtension, typeOfContentType } from './file-types.ts';

/** A committee's attachment limits. */
export type AttachmentLimits = { maxMegabytes: number; maxBytes: number; maxCount: number };

/** One uploaded file as a route received it. */
export type AttachmentUpload = { fileName: string; content: Buffer };

/** The 413 of a file past the committee's limit. */
export function attachmentTooLarge(limits: AttachmentLimits): Problem {
  return new Problem(413, 'file_too_large', `附件不能超过 ${limits.maxMegabytes} MB`);
}

/**
 * The user's file name reduced to a safe display name: no folders, no control characters, at most 200 characters,
 * and the extension of the detected type (an upload named `x.exe` that holds a PDF is `x.pdf`).
 */
export function displayFileName(raw: string, type: DetectedType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const name = cleaned.length > 200 ? cleaned.slice(cleaned.length - 200) : cleaned;
  const usable = name && name !== '.' && name !== '..' && !/^\.[^.]*$/.test(name);
  return usable ? nameWithTypeExtension(name, type) : `附件.${type.extension}`;
}

/**
 * The name a stored file downloads under: its name with the extension of the type detected at upload (stored as
 * its content type), so also a file stored before names were checked never downloads as `.exe`.
 */
export function downloadFileName(row: { fileName: string; contentType: string }): string {
  const type = typeOfContentType(row.contentType);
  return type ? nameWithTypeExtension(row.fileName, type) : row.fileName;
}

/**
 * Checks an uploaded file before anything is written: empty 400, past the limit 413, a type other than those
 * accepted 415 (by its bytes, not its name). Answers the type, the display name and the SHA-256.
 */
export function inspectUpload(
  upload: AttachmentUpload,
  limits: AttachmentLimits,
): { type: DetectedType; fileName: string; sha256: string } {
  if (upload.content.length === 0) throw badRequest('上传的文件是空的，请重新选择文件', undefined, 'file_empty');
  if (upload.content.length > limits.maxBytes) throw attachmentTooLarge(limits);
  const type = detectFileType(upload.content);
  if (!type) throw new Problem(415, 'unsupported_file_type', `附件只支持 ${acceptedTypeNames} 格式；文件内容与这些格式都不符`);
  return {
    type,
    fileName: displayFileName(upload.fileName, type),
    sha256: createHash('sha256').update(upload.content).digest('hex'),
  };
}

/** The one file of a multipart upload in field `file`: 400 no file or more than one, 413 past the limit. */
export async function receiveAttachment(request: FastifyRequest, limits: AttachmentLimits): Promise<AttachmentUpload> {
  let upload: AttachmentUpload | null = null;
  try {
    // Every part is read (other fields are ignored), so a second file is refused instead of silently dropped.
    for await (const part of request.parts({ limits: { fileSize: limits.maxBytes, files: 1 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('附件请放在表单字段 file 中上传', [{ field: 'file', message: '没有收到文件' }], 'file_missing');
      }
      upload = { fileName: part.filename ?? '', content: await part.toBuffer() };
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw attachmentTooLarge(limits);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw badRequest('每次只能上传一个附件', [{ field: 'file', message: '只能有一个文件' }], 'too_many_files');
    }
    throw badRequest('上传的内容无法读取，请重新选择文件', undefined, 'bad_upload');
  }
  if (!upload) throw badRequest('请选择要上传的附件', [{ field: 'file', message: '没有收到文件' }], 'file_missing');
  return upload;
}

/** A file name as an RFC 5987 `filename*` value (percent-encoded UTF-8, also the characters the RFC reserves). */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The plain `filename` for old clients: ASCII only, the rest replaced, the extension kept. */
function asciiFallback(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return /[A-Za-z0-9]/.test(ascii) ? ascii : `attachment${/\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? ''}`;
}

/**
 * The Content-Disposition of a download with a (Chinese) file name: the RFC 5987 UTF-8 name, and for old clients
 * the `fallback` name, or the name reduced to ASCII.
 */
export function attachmentDisposition(fileName: string, fallback = asciiFallback(fileName)): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * Sends a stored attachment as a download that no browser runs or sniffs (nosniff, a sandboxing CSP, no caching),
 * under its name with the detected type's extension; a file missing from the store is a 404 in Chinese. `record`
 * writes the download's audit event (given the name it goes under) once the file is found, before it is sent.
 */
export async function sendAttachment(
  config: { dataDir: string },
  reply: FastifyReply,
  row: { storageKey: string; contentType: string; size: number; fileName: string },
  record: (fileName: string) => Promise<void>,
) {
  let stream: Awaited<ReturnType<ReturnType<typeof fileStoreFor>['get']>>;
  try {
    stream = await fileStoreFor(config).get(row.storageKey);
  } catch (error) {
    if (error instanceof FileNotFoundError) throw new Problem(404, 'file_missing', '附件文件已丢失，请联系管理员');
    throw error;
  }
  const fileName = downloadFileName(row);
  await recordOpenedDownload(stream, () => record(fileName));
  return reply
    .type(row.contentType)
    .header('content-length', String(row.size))
    .header('content-disposition', attachmentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(stream);
}
