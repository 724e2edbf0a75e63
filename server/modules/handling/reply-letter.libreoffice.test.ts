import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../test/libreoffice.ts';
import { sampleReplyLetter } from './reply-letter.test-support.ts';
import { replyLetterDocument } from './reply-letter.ts';

const letter = sampleReplyLetter;

describe('reply letter (答复函) in LibreOffice', () => {
  it('converts the sent letter and a second-round draft to PDF', async () => {
    const draft = { ...letter, round: 2, sent: false, resultClass: null, resultClassName: null, followUpDueOn: null };
    const sizes = convertWithLibreOffice([
      { name: 'letter.docx', content: await replyLetterDocument(letter) },
      { name: 'draft.docx', content: await replyLetterDocument(draft) },
    ]);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeGreaterThan(1000);
  });
});
