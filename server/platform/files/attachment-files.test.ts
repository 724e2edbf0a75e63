import { describe, expect, it } from 'vitest';
import { attachmentDisposition, displayFileName, downloadFileName } from './attachment-files.ts';
import { acceptedTypes } from './file-types.ts';

describe('attachment file names: the extension comes from the detected type, not from the uploaded name', () => {
  it.each([
    ['x.exe', 'pdf', 'x.pdf'],
    ['调研报告.pdf', 'pdf', '调研报告.pdf'],
    ['调研报告.PDF', 'pdf', '调研报告.PDF'],
    ['照片.jpeg', 'jpeg', '照片.jpeg'],
    ['照片.JPG', 'jpeg', '照片.JPG'],
    ['照片.png', 'jpeg', '照片.jpg'],
    ['新版.doc', 'docx', '新版.docx'],
    ['invoice.pdf.exe', 'pdf', 'invoice.pdf.pdf'],
    ['report.html', 'png', 'report.png'],
    ['没有扩展名', 'pdf', '没有扩展名.pdf'],
    ['2026年工作报告.2026', 'doc', '2026年工作报告.2026.doc'],
    ['C:\\Users\\王\\x.exe', 'pdf', 'x.pdf'],
    ['../..', 'png', '附件.png'],
    ['', 'pdf', '附件.pdf'],
    ['report.', 'pdf', 'report.pdf'],
    ['.exe', 'pdf', '附件.pdf'],
  ] as const)('an upload named %j holding %s is kept as %j', (raw, kind, expected) => {
    expect(displayFileName(raw, acceptedTypes[kind])).toBe(expected);
  });

  it.each([
    [{ fileName: 'x.exe', contentType: 'application/pdf' }, 'x.pdf'],
    [{ fileName: 'scan.bat', contentType: 'image/png' }, 'scan.png'],
    [
      { fileName: '答复.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      '答复.docx',
    ],
    [{ fileName: 'x.exe', contentType: 'application/x-unknown' }, 'x.exe'],
  ])('a stored attachment %j downloads as %j (also rows stored before the rule)', (row, expected) => {
    expect(downloadFileName(row)).toBe(expected);
  });

  it('names the download with the detected extension also in the plain fallback name', () => {
    expect(attachmentDisposition(downloadFileName({ fileName: '病毒.exe', contentType: 'application/pdf' }))).toBe(
      `attachment; filename="__.pdf"; filename*=UTF-8''${encodeURIComponent('病毒.pdf')}`,
    );
  });
});
