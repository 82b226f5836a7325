// What may be attached to a ticket: at most 10 MB, a short list of document and image types, a name SharePoint
// accepts. Refusals name the file and the limit, so a person knows what to change (docs/decisions/0257).
import { ApiError } from '../http/api-error';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_NAME_LENGTH = 128;

/** Extensions allowed, with the Content-Types a browser may send for them (octet-stream is always accepted). */
export const ALLOWED_TYPES: Readonly<Record<string, readonly string[]>> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  txt: ['text/plain'],
  log: ['text/plain'],
  csv: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  msg: ['application/vnd.ms-outlook'],
  eml: ['message/rfc822'],
};

const allowedList = (): string => Object.keys(ALLOWED_TYPES).map((e) => `.${e}`).join(', ');
const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * The file name a person gave, made safe to store: no path, no control characters, SharePoint's forbidden
 * characters (" * : < > ? / \ |) replaced, no leading or trailing dots or spaces, at most 128 characters.
 */
export function cleanFileName(raw: string | undefined): string {
  const decoded = decodeName(raw ?? '');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  let name = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(/["*:<>?|]/g, '_').replace(/^[\s.~$]+|[\s.]+$/g, '');
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  if (name === '') throw new ApiError(400, 'validation', 'Say the file name in the X-File-Name header (percent-encoded UTF-8), e.g. X-File-Name: screen%20shot.png.', [{ field: 'X-File-Name', message: 'A file name is required.' }]);
  return name;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.trim());
  } catch {
    return raw.trim();
  }
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Refuses a file before it is stored: its type, then its size (declared or actual). */
export function checkAttachment(name: string, size: number, contentType: string | undefined): void {
  const ext = extensionOf(name);
  const types = ALLOWED_TYPES[ext];
  if (!types) {
    throw new ApiError(415, 'attachment_type_not_allowed', `'${name}' cannot be attached: ${ext ? `.${ext} files are` : 'files without an extension are'} not allowed. Allowed: ${allowedList()}.`);
  }
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && !types.includes(declared)) {
    throw new ApiError(415, 'attachment_type_not_allowed', `'${name}' was sent as ${declared}, which does not match a .${ext} file (expected ${types.join(' or ')}).`);
  }
  checkSize(name, size);
}

export function checkSize(name: string, size: number): void {
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(413, 'attachment_too_large', `'${name}' is ${megabytes(size)}; an attachment may be at most ${megabytes(MAX_ATTACHMENT_BYTES)} (10 MB).`);
  }
  if (size === 0) throw new ApiError(400, 'validation', `'${name}' is empty; attach a file with something in it.`);
}
