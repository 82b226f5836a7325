import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../contracts/attachments';
import { screenFiles } from './AttachmentPicker';

describe('files are checked in the tab before they are sent', () => {
  it('keeps what the API takes and says why each other file was not added', () => {
    const result = screenFiles([
      { name: "O'Brien screen.png", size: 2048 },
      { name: 'trace.bin.exe', size: 100 },
      { name: 'dump.log', size: MAX_ATTACHMENT_BYTES + 512 * 1024 },
      { name: 'empty.txt', size: 0 },
      { name: 'Report.PDF', size: MAX_ATTACHMENT_BYTES },
      { name: 'big.pdf', size: MAX_ATTACHMENT_BYTES + 1 },
    ]);
    expect(result.accepted).toEqual([0, 4]);
    expect(result.refused).toEqual([
      'trace.bin.exe is not a type that can be attached (.pdf, .png, .jpg, .jpeg, .gif, .txt, .log, .csv, .docx, .xlsx, .pptx, .msg, .eml).',
      'dump.log is 10.5 MB; an attachment may be at most 10.0 MB.',
      'empty.txt is empty.',
      'big.pdf is 10,485,761 bytes; an attachment may be at most 10,485,760 bytes (10.0 MB).',
    ]);
  });
});
