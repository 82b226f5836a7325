// File and folder names SharePoint accepts, and the MIME type Graph reports for a file (from its extension).
// Restrictions: https://support.microsoft.com/en-us/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa
import { GraphError } from '../http/errors';

const INVALID_CHARACTERS = /["*:<>?/\\|]/;
const RESERVED = /^(\.lock|CON|PRN|AUX|NUL|COM\d|LPT\d|desktop\.ini)$/i;
/** SharePoint Online caps a decoded path at 400 characters; a single name is kept well under it. */
export const MAX_NAME_LENGTH = 255;

export function checkItemName(name: string): string {
  const problem = nameProblem(name);
  if (problem) throw new GraphError(400, 'invalidRequest', `The name '${name}' is not allowed in a document library: ${problem}.`);
  return name;
}

function nameProblem(name: string): string | undefined {
  if (name === '' || name.trim() === '') return 'it is empty';
  if (name !== name.trim()) return 'it starts or ends with a space';
  if (name.length > MAX_NAME_LENGTH) return `it is longer than ${MAX_NAME_LENGTH} characters`;
  const bad = INVALID_CHARACTERS.exec(name);
  if (bad) return `it contains '${bad[0]}' (not allowed: " * : < > ? / \\ |)`;
  if (name.endsWith('.')) return 'it ends with a dot';
  if (RESERVED.test(name) || name.startsWith('~$') || name.toLowerCase().includes('_vti_')) return 'it is a reserved name';
  return undefined;
}

const MIME: Record<string, string> = {
  txt: 'text/plain', log: 'text/plain', csv: 'text/csv', json: 'application/json', xml: 'application/xml', html: 'text/html',
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp',
  zip: 'application/zip', eml: 'message/rfc822', msg: 'application/vnd.ms-outlook',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function mimeTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 && MIME[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

/** "report.pdf" -> "report 1.pdf", "report 2.pdf", ... as SharePoint renames on conflictBehavior=rename. */
export function renamed(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} ${n}${name.slice(dot)}` : `${name} ${n}`;
}
