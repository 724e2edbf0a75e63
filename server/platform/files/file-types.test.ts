import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { detectFileType, zipEntryNames } from './file-types.ts';

/** A ZIP archive of stored (uncompressed) entries, built by hand; CRCs are left at zero (nothing here checks them). */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

describe('detectFileType', () => {
  it('recognises PDF, PNG, JPEG and the old Word format by their first bytes', () => {
    expect(detectFileType(Buffer.from('%PDF-1.4\n%%EOF\n'))?.contentType).toBe('application/pdf');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(detectFileType(png)?.contentType).toBe('image/png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))?.contentType).toBe('image/jpeg');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(detectFileType(ole)).toMatchObject({ kind: 'doc', contentType: 'application/msword' });
  });

  it('recognises a real .docx made by the docx package', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph('关于加装电梯的补充说明')] }] });
    const buffer = await Packer.toBuffer(document);
    expect(zipEntryNames(buffer)).toContain('word/document.xml');
    expect(detectFileType(buffer)).toMatchObject({ kind: 'docx', extension: 'docx' });
  });

  it('accepts a ZIP as Word only when its directory lists word/document.xml', () => {
    expect(detectFileType(storedZip({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' }))?.kind).toBe('docx');
    // An .xlsx, a plain archive, or an archive that only mentions the name inside a file's content is refused.
    expect(detectFileType(storedZip({ 'xl/workbook.xml': '<x/>' }))).toBeNull();
    expect(detectFileType(storedZip({ 'readme.txt': 'word/document.xml' }))).toBeNull();
  });

  it('refuses a truncated or corrupt ZIP without throwing', () => {
    const zip = storedZip({ 'word/document.xml': '<w/>' });
    expect(detectFileType(zip.subarray(0, zip.length - 30))).toBeNull();
    const corrupt = Buffer.from(zip);
    corrupt.writeUInt32LE(0xffffffff, corrupt.length - 6);
    expect(detectFileType(corrupt)).toBeNull();
    expect(detectFileType(Buffer.from('PK\x03\x04'))).toBeNull();
  });

  it.each([
    ['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode')],
    ['plain text', Buffer.from('这是一个文本文件，被改名为 .pdf')],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00')],
    ['an empty file', Buffer.alloc(0)],
    ['a PDF signature without the dash', Buffer.from('%PDF')],
  ])('refuses %s whatever it is called', (_name, buffer) => {
    expect(detectFileType(buffer)).toBeNull();
  });
});
