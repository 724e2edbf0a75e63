import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, Problem } from './problem.ts';

/** True when the bytes start like a ZIP container, as every .xlsx does. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/** Largest Excel upload accepted. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends an .xlsx file as a download with a Chinese file name. */
export function sendXlsx(reply: FastifyReply, buffer: Buffer, fileName: string): FastifyReply {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buffer);
}

/**
 * The one uploaded file of a multipart request (field name free) and its name. 415 when the request is not a
 * multipart upload; 413 past `maxBytes`; 400 when no file came. `what` names the expected file in messages.
 */
export async function receiveUpload(
  request: FastifyRequest,
  options: { maxBytes: number; what: string },
): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new Problem(415, 'unsupported_media_type', `请以 multipart/form-data 上传${options.what}`);
  }
  try {
    const file = await request.file({ limits: { fileSize: options.maxBytes, files: 1 } });
    if (!file) throw badRequest(`请选择要上传的${options.what}`, [{ field: 'file', message: '没有收到文件' }], 'file_missing');
    const buffer = await file.toBuffer();
    return { buffer, fileName: file.filename ?? '' };
  } catch (error) {
    if (error instanceof Problem) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new Problem(413, 'file_too_large', `文件不能超过 ${options.maxBytes / 1024 / 1024} MB，且每次只能上传一个文件`);
    }
    throw badRequest('上传的内容无法读取，请重新选择文件', undefined, 'bad_upload');
  }
}

/**
 * The uploaded .xlsx file of a multipart request (field name free, one file) and its name. 415 when the request is
 * not a multipart upload or the file is not .xlsx; 413 past the size limit; 400 when no file came. What the file
 * unpacks to is checked by the reader (platform/files/xlsx-rows.ts) before anything is unpacked.
 */
export async function receiveXlsx(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  const upload = await receiveUpload(request, { maxBytes: MAX_UPLOAD_BYTES, what: ' .xlsx 文件' });
  if (!looksLikeXlsx(upload.buffer) || (upload.fileName && !/\.xlsx$/i.test(upload.fileName))) {
    throw new Problem(
      415,
      'unsupported_file_type',
      '只支持 .xlsx 格式的 Excel 文件（不支持 .xls、.csv 等），请另存为 .xlsx 后再上传',
    );
  }
  return upload;
}
