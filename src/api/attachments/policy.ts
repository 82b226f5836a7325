// What may be attached to a ticket: at most 10 MB, a short list of document and image types, a name SharePoint
// accepts. Refusals name the file and the limit, so a person knows what to change (docs/decisions/0257).
import { findForbiddenCharacter, forbiddenCharacterError, lengthProblem } from '../../domain/text';
import { ApiError } from '../http/api-error';

import { MAX_ATTACHMENT_BYTES, sizeOverLimit } from '../../contracts/attachments';

export { MAX_ATTACHMENT_BYTES };
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

const FIELD = 'X-File-Name';
const nameError = (code: string, message: string): ApiError => new ApiError(400, code, message, [{ field: FIELD, message }]);

/**
 * The file name a person gave, made safe to store. The header carries it percent-encoded UTF-8 (what
 * encodeURIComponent gives); raw non-ASCII and malformed percent-encodings are refused, never stored as sent or
 * garbled. Then: no path (its last part only); no control or text-direction characters (refused, domain/text.ts);
 * SharePoint's forbidden characters (" * : < > ? |) replaced by _; no leading ~ $ . or spaces or trailing dots or
 * spaces; at most 128 UTF-16 units (refused with the length, never cut).
 */
export function cleanFileName(raw: string | undefined): string {
  const decoded = decodeName((raw ?? '').trim());
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const found = findForbiddenCharacter(base, 'single-line');
  if (found) {
    const problem = forbiddenCharacterError(FIELD, 'file name', found);
    throw nameError(problem.code, problem.message);
  }
  const name = base.replace(/["*:<>?|]/g, '_').replace(/^[\s.~$]+|[\s.]+$/g, '');
  if (name === '') throw new ApiError(400, 'validation', 'Say the file name in the X-File-Name header (percent-encoded UTF-8), e.g. X-File-Name: screen%20shot.png.', [{ field: FIELD, message: 'A file name is required.' }]);
  const tooLong = lengthProblem('file name', name, MAX_NAME_LENGTH);
  if (tooLong) throw nameError('attachment_name_too_long', `${tooLong} Rename '${[...name].slice(0, 24).join('')}…' to something shorter and attach it again.`);
  return name;
}

/** Percent-decodes the header: visible ASCII only (raw UTF-8 arrives as Latin-1 and would be stored garbled). */
function decodeName(raw: string): string {
  const unencoded = /[^\x20-\x7e]/.exec(raw);
  if (unencoded) {
    throw nameError(
      'file_name_not_encoded',
      `The X-File-Name header must be percent-encoded UTF-8 (encodeURIComponent of the name); it holds a raw byte 0x${unencoded[0].charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')} at position ${unencoded.index + 1}. Send, for example, Zo%C3%AB.pdf for Zoë.pdf.`,
    );
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    const bad = /%(?![0-9a-f]{2})/i.exec(raw);
    const where = bad ? ` ('%' at position ${bad.index + 1} is not followed by two hex digits)` : ' (its %XX bytes are not valid UTF-8)';
    throw nameError('file_name_malformed', `The X-File-Name header is not valid percent-encoded UTF-8${where}: '${raw}'. Encode the name with encodeURIComponent; a % in a name is sent as %25.`);
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
    throw new ApiError(413, 'attachment_too_large', `'${name}' ${sizeOverLimit(size)}.`);
  }
  if (size === 0) throw new ApiError(400, 'validation', `'${name}' is empty; attach a file with something in it.`);
}
