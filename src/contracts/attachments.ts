// What may be attached to a ticket, shared by the API (which enforces it) and the tab (which checks before sending,
// so a person is not made to upload 10 MB only to be refused). docs/decisions/0257.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Extensions that may be attached, lower case, without the dot. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'txt', 'log', 'csv', 'docx', 'xlsx', 'pptx', 'msg', 'eml'] as const;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A file's size against the limit in words; in bytes when both round to the same megabytes (one byte over). */
export function sizeOverLimit(size: number): string {
  const [over, limit] = [megabytes(size), megabytes(MAX_ATTACHMENT_BYTES)];
  if (over !== limit) return `is ${over}; an attachment may be at most ${limit}`;
  const bytes = (n: number) => n.toLocaleString('en-GB');
  return `is ${bytes(size)} bytes; an attachment may be at most ${bytes(MAX_ATTACHMENT_BYTES)} bytes (${limit})`;
}

/** Why this file cannot be attached, in words naming it, or null when it can. */
export function attachmentProblem(name: string, size: number): string | null {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
    return `${name} is not a type that can be attached (${ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(', ')}).`;
  }
  if (size === 0) return `${name} is empty.`;
  if (size > MAX_ATTACHMENT_BYTES) return `${name} ${sizeOverLimit(size)}.`;
  return null;
}
