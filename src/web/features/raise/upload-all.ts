import type { ApiClient } from '../../api-client/client';
import { uploadAttachment } from '../../api-client/endpoints';

/** Uploads files to a new ticket; returns a sentence about any that failed, or null. */
export async function uploadAll(api: ApiClient, number: string, files: readonly File[]): Promise<string | null> {
  const failed: string[] = [];
  for (const file of files) {
    try {
      await uploadAttachment(api, number, file);
    } catch (e) {
      failed.push(`${file.name}: ${(e as Error).message}`);
    }
  }
  return failed.length > 0 ? `These attachments were not added (add them from the ticket page): ${failed.join('; ')}` : null;
}
