/**
 * The real type of an uploaded file, from its first bytes and (for Word files) its structure; the name and the
 * declared content type are never trusted.
 */

/** The kinds of attachment the platform accepts. */
export type AttachmentKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'doc';

/** A detected type: the kind, the content type to store and send, and the file extension it goes by. */
export type DetectedType = { kind: AttachmentKind; contentType: string; extension: string };

/** Every accepted type, in the order they are named to users. */
export const acceptedTypes: Record<AttachmentKind, DetectedType> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    kind: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  doc: { kind: 'doc', contentType: 'application/msword', extension: 'doc' },
  jpeg: { kind: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
  png: { kind: 'png', contentType: 'image/png', extension: 'png' },
};

/** Other extensions a type also goes by; a name ending in one of them keeps it. */
const extensionAliases: Partial<Record<AttachmentKind, string[]>> = { jpeg: ['jpeg', 'jpe'] };

/** The accepted type stored with this content type, or null when it is none of them. */
export function typeOfContentType(contentType: string): DetectedType | null {
  return Object.values(acceptedTypes).find((type) => type.contentType === contentType) ?? null;
}

/**
 * The file name with the extension of the detected type: `x.exe` holding a PDF is `x.pdf`, a name without an
 * extension gets one, a right one (in any case, or an alias such as .jpeg) stays. An extension is a final dot and
 * one letter followed by up to 4 letters or digits, so `报告.2026` is a name, not an extension.
 */
export function nameWithTypeExtension(name: string, type: DetectedType): string {
  const match = /\.([A-Za-z][A-Za-z0-9]{0,4})$/.exec(name);
  const accepted = [type.extension, ...(extensionAliases[type.kind] ?? [])];
  if (match && accepted.includes(match[1].toLowerCase())) return name;
  const base = (match ? name.slice(0, match.index) : name).replace(/[.\s]+$/, '');
  return `${base || '附件'}.${type.extension}`;
}

/** The accepted types as users read them. */
export const acceptedTypeNames = 'PDF、Word（.doc、.docx）、JPG、PNG';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the buffer starts with the bytes. */
function startsWith(buffer: Buffer, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte);
}

/** The type of the bytes, or null when they are none of the accepted types. */
export function detectFileType(buffer: Buffer): DetectedType | null {
  if (startsWith(buffer, PDF)) return acceptedTypes.pdf;
  if (startsWith(buffer, PNG)) return acceptedTypes.png;
  if (startsWith(buffer, JPEG)) return acceptedTypes.jpeg;
  if (startsWith(buffer, OLE)) return acceptedTypes.doc;
  if (startsWith(buffer, ZIP) && zipEntryNames(buffer)?.includes('word/document.xml')) return acceptedTypes.docx;
  return null;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-directory record is 22 bytes plus a comment of at most 65535. */
const END_SEARCH_SPAN = 22 + 0xffff;
/** Word documents have tens of parts; more entries than this is not a document worth reading. */
const MAX_ENTRIES = 10_000;

/**
 * The entry names of a ZIP archive from its central directory (not from the local headers, which a crafted file
 * can fake inside compressed data), or null when the archive is malformed.
 */
export function zipEntryNames(buffer: Buffer): string[] | null {
  if (buffer.length < 22) return null;
  let end = -1;
  for (let offset = buffer.length - 22; offset >= Math.max(0, buffer.length - END_SEARCH_SPAN); offset -= 1) {
    if (buffer.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES || directoryOffset + directorySize > end) return null;
  const names: string[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || buffer.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > end) return null;
    names.push(buffer.toString('utf8', offset + 46, nameEnd));
    offset = nameEnd + extraLength + commentLength;
  }
  return names;
}
