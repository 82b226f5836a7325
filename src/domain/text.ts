// Text people type: which characters it may hold and how its length is counted and explained (decision 0415).
// One place for every field where user text enters (titles, names, notes, replies, file names), so a field refuses
// the same characters with the same coded error wherever it is.
import type { DomainError } from './result';

/** A single-line field (a title, a name) or a multi-line one (a description, a note, a reply). */
export type TextShape = 'single-line' | 'multi-line';

/** A character the field refused: where it is (1-based, counted as a person counts characters) and what it is. */
export interface ForbiddenCharacter {
  readonly position: number;
  readonly codePoint: number;
  /** For example "U+202E (right-to-left override)". */
  readonly name: string;
  readonly kind: 'control' | 'line break or tab' | 'direction control';
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'DEL',
  0x85: 'next line',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const nameOf = (cp: number): string => (NAMES[cp] ? `${hex(cp)} (${NAMES[cp]})` : hex(cp));
const isBidiControl = (cp: number): boolean => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

/** Why a code point may not be in a field of this shape. */
function refusal(cp: number): ForbiddenCharacter['kind'] {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return 'line break or tab';
  return isBidiControl(cp) ? 'direction control' : 'control';
}

/* eslint-disable no-control-regex -- control characters are what these find */
const REFUSED: Readonly<Record<TextShape, RegExp>> = {
  'single-line': /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
  'multi-line': /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/,
};
/* eslint-enable no-control-regex */
const ONE_UNIT_EACH = /^[\x20-\x7e]*$/;

let segmenter: Intl.Segmenter | null | undefined;
function graphemes(text: string): number {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}

/**
 * How many characters a person would count in the text: grapheme clusters, so 👍🏽, 🖨️ and é written as e + accent are
 * one each. Counted a word at a time (a character boundary always falls before a space and after a line feed, but
 * for rare prefix marks), which keeps long texts fast: segmenting one long run is slow.
 */
export function characterCount(text: string): number {
  if (ONE_UNIT_EACH.test(text)) return text.length;
  let n = 0;
  for (const chunk of text.split(/(?= )|(?<=\n)/)) n += graphemes(chunk);
  return n;
}

/**
 * The first character a field of this shape refuses, or null. NUL and the other C0 and C1 controls are refused
 * everywhere, except tab, CR and LF in multi-line fields; single-line fields also refuse the bidi embedding, override
 * and isolate controls (U+202A-U+202E, U+2066-U+2069). Characters in `[from, to)` (UTF-16 indexes) only are checked:
 * the caller skips the white space it trims. The position counts from the start of `text`.
 */
export function findForbiddenCharacter(text: string, shape: TextShape, from = 0, to = text.length): ForbiddenCharacter | null {
  const at = text.slice(from, to).search(REFUSED[shape]);
  if (at < 0) return null;
  const index = from + at;
  const cp = text.codePointAt(index)!;
  // A control character always starts a character of its own, so it is the one after those before it.
  return { position: characterCount(text.slice(0, index)) + 1, codePoint: cp, name: nameOf(cp), kind: refusal(cp) };
}

/** The coded error for a refused character: the field, the character and where it is. */
export function forbiddenCharacterError(field: string, label: string, found: ForbiddenCharacter): DomainError {
  const what =
    found.kind === 'line break or tab'
      ? `a ${NAMES[found.codePoint]} (${hex(found.codePoint)}) at character ${found.position}; it must be one line`
      : found.kind === 'direction control'
        ? `an invisible text-direction control, ${found.name}, at character ${found.position}; it can make text read backwards, so remove it`
        : `a control character, ${found.name}, at character ${found.position}; remove it`;
  return { code: 'invalid_character', field, message: `The ${label} contains ${what}.` };
}

/**
 * Why a text is too long for a limit of `max` UTF-16 code units (what SharePoint's text columns count), or null.
 * When the text has characters that take more than one unit (emoji, some scripts), the message says both counts.
 */
export function lengthProblem(label: string, text: string, max: number): string | null {
  if (text.length <= max) return null;
  const characters = characterCount(text);
  if (characters === text.length) return `The ${label} is ${characters} characters; the limit is ${max}.`;
  return `The ${label} is ${characters} characters, which take ${text.length} storage units; the limit is ${max} units (most characters take 1 unit, emoji and some others take 2 or more).`;
}

/** A short count for beside a field: "12 of 255", or "306 characters, 606 of 255 units" when they differ. */
export function describeLength(text: string, max: number): string {
  const characters = characterCount(text);
  return characters === text.length ? `${characters} of ${max}` : `${characters} characters, ${text.length} of ${max} units`;
}

export interface ReadTextOptions {
  readonly required: boolean;
  /** The most UTF-16 code units the stored column holds. */
  readonly max: number;
  /** How the field is named in messages, for example "title". */
  readonly label: string;
  readonly shape: TextShape;
  /** Trim surrounding white space (default true). */
  readonly trim?: boolean;
}

/**
 * Reads a free text a person sent: text, present when required, only allowed characters, within its limit. Pushes
 * one coded error naming the field and returns null when it is not; nothing is cut or removed silently.
 */
export function readUserText(field: string, value: unknown, errors: DomainError[], options: ReadTextOptions): string | null {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    errors.push({ code: 'validation', field, message: `The ${options.label} must be text.` });
    return null;
  }
  const raw = typeof value === 'string' ? value : '';
  const trim = options.trim ?? true;
  const text = trim ? raw.trim() : raw;
  if (text.length === 0 || (trim && text.trim().length === 0)) {
    if (options.required) errors.push({ code: 'validation', field, message: `A ${options.label} is required.` });
    return null;
  }
  const from = trim ? raw.length - raw.trimStart().length : 0;
  const found = findForbiddenCharacter(raw, options.shape, from, from + text.length);
  if (found) {
    errors.push(forbiddenCharacterError(field, options.label, found));
    return null;
  }
  const tooLong = lengthProblem(options.label, text, options.max);
  if (tooLong) {
    errors.push({ code: 'validation', field, message: tooLong });
    return null;
  }
  return text;
}
