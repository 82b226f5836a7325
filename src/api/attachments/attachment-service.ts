// Attachments in the site's document library, one folder per ticket named by its number (Graph list items have no
// attachments: TOOLCHAIN.md). Who uploaded a file is kept in the file's own library columns.
import type { AttachmentDto } from '../../contracts/api';
import type { DriveFile, DriveGateway } from '../../data/drive/drive-gateway';
import { NotFoundError } from '../../data/errors';
import type { PersonRef } from '../../domain/tickets/types';

export interface IncomingFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface AttachmentService {
  list(ticketNumber: string): Promise<readonly AttachmentDto[]>;
  add(ticketNumber: string, file: IncomingFile, by: PersonRef): Promise<AttachmentDto>;
  /** The file and its bytes, only if it is one of this ticket's attachments. */
  open(ticketNumber: string, attachmentId: string): Promise<{ readonly attachment: AttachmentDto; readonly bytes: Buffer } | null>;
}

export function isAttachmentService(value: unknown): value is AttachmentService {
  const s = value as Partial<AttachmentService> | undefined;
  return typeof s?.list === 'function' && typeof s.add === 'function' && typeof s.open === 'function';
}

export function downloadPath(ticketNumber: string, attachmentId: string): string {
  return `/api/tickets/${encodeURIComponent(ticketNumber)}/attachments/${encodeURIComponent(attachmentId)}`;
}

function toDto(ticketNumber: string, file: DriveFile): AttachmentDto {
  const by = file.fields['UploadedByName'];
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    contentType: file.mimeType,
    uploadedAt: file.createdAt,
    uploadedByName: typeof by === 'string' ? by : '',
    downloadPath: downloadPath(ticketNumber, file.id),
  };
}

export function createDriveAttachmentService(drive: DriveGateway): AttachmentService {
  return {
    async list(ticketNumber) {
      const files = await drive.list(ticketNumber);
      return files.map((f) => toDto(ticketNumber, f)).sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.name.localeCompare(b.name));
    },

    async add(ticketNumber, file, by) {
      const stored = await drive.uploadUnique(ticketNumber, file.name, file.bytes);
      // A lost answer here leaves the file without its uploader's name; the file itself is kept.
      const fields = await drive.setFields(stored.id, { UploadedById: by.id, UploadedByName: by.name });
      return toDto(ticketNumber, { ...stored, fields });
    },

    async open(ticketNumber, attachmentId) {
      let file: DriveFile;
      try {
        file = await drive.get(attachmentId);
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
      // An id from another ticket's folder is answered as not found: its existence is not this reader's business.
      if (file.folderPath.toLowerCase() !== ticketNumber.toLowerCase()) return null;
      return { attachment: toDto(ticketNumber, file), bytes: await drive.download(file.id) };
    },
  };
}
