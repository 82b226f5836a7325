import { describe, expect, it } from 'vitest';
import { validateCategory, validateService, validateSupportGroup } from './config/validate';
import type { DomainError } from './result';
import { analyst, caller, ctx, newTicket } from './tickets/commands/fixtures.test-support';
import { reply, workNote } from './tickets/commands/reply';
import { createIncident } from './tickets/create-incident';
import { DEFAULT_PRIORITY_MATRIX } from './tickets/priority';
import { characterCount, describeLength, findForbiddenCharacter, lengthProblem, readUserText } from './text';

const base = { number: 'INC-1', now: '2026-01-05T09:00:00.000Z', actor: caller, actorRole: 'Requester' as const, requester: caller, matrix: DEFAULT_PRIORITY_MATRIX, assignedGroupId: 'g-desk' };
const errorsOf = (r: { ok: boolean; errors?: readonly DomainError[] }): readonly DomainError[] => (r.ok ? [] : (r.errors ?? []));

describe('characters refused in user text (the new user\'s inputs)', () => {
  it('refuses NUL, BEL and U+202E in a ticket title, naming the field, the character and its position', () => {
    expect(errorsOf(createIncident({ title: 'Printer\u0000 down', impact: 3, urgency: 3 }, base))).toEqual([
      { code: 'invalid_character', field: 'title', message: 'The title contains a control character, U+0000 (NUL), at character 8; remove it.' },
    ]);
    expect(errorsOf(createIncident({ title: 'Ding\u0007', impact: 3, urgency: 3 }, base))).toEqual([
      { code: 'invalid_character', field: 'title', message: 'The title contains a control character, U+0007 (BEL), at character 5; remove it.' },
    ]);
    expect(errorsOf(createIncident({ title: '\u202eLTR override', impact: 3, urgency: 3 }, base))).toEqual([
      {
        code: 'invalid_character',
        field: 'title',
        message: 'The title contains an invisible text-direction control, U+202E (right-to-left override), at character 1; it can make text read backwards, so remove it.',
      },
    ]);
  });

  it('counts the position as a person counts characters (an emoji with a skin tone is one)', () => {
    expect(findForbiddenCharacter('👍🏽\u2066x', 'single-line')).toEqual({ position: 2, codePoint: 0x2066, name: 'U+2066 (left-to-right isolate)', kind: 'direction control' });
  });

  it('refuses every C0 and C1 control and the bidi controls in single-line text, and line breaks and tabs', () => {
    for (const cp of [0x01, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x202a, 0x202b, 0x202c, 0x202d, 0x2067, 0x2068, 0x2069]) {
      expect(findForbiddenCharacter(`a${String.fromCodePoint(cp)}b`, 'single-line')?.codePoint).toBe(cp);
    }
    expect(errorsOf(createIncident({ title: 'one\ntwo', impact: 3, urgency: 3 }, base))).toEqual([
      { code: 'invalid_character', field: 'title', message: 'The title contains a line feed (U+000A) at character 4; it must be one line.' },
    ]);
    expect(findForbiddenCharacter('a\tb', 'single-line')?.name).toBe('U+0009 (tab)');
  });

  it('keeps what people really type: accents, right-to-left scripts, emoji, and white space trimmed at the ends', () => {
    const r = createIncident({ title: "  Zoë's مرحبا printer 🖨️ \n", impact: 3, urgency: 3 }, base);
    expect(r.ok && r.value.title).toBe("Zoë's مرحبا printer 🖨️");
    expect(findForbiddenCharacter('\u200f\u200eplain', 'single-line')).toBeNull();
  });

  it('allows tab, CR and LF and direction controls in multi-line text, never NUL or other controls', () => {
    const ok = createIncident({ title: 'Fine', description: 'Line 1\r\n\tLine 2 \u202bعربي\u202c', impact: 3, urgency: 3 }, base);
    expect(ok.ok && ok.value.description).toBe('Line 1\r\n\tLine 2 \u202bعربي\u202c');
    expect(errorsOf(createIncident({ title: 'Fine', description: 'a\nb\u0000', impact: 3, urgency: 3 }, base))).toEqual([
      { code: 'invalid_character', field: 'description', message: 'The description contains a control character, U+0000 (NUL), at character 4; remove it.' },
    ]);
    expect(findForbiddenCharacter('form\u000cfeed', 'multi-line')?.name).toBe('U+000C (form feed)');
  });

  it('refuses NUL in replies and work notes, so nothing is stored', () => {
    const ticket = newTicket();
    expect(errorsOf(reply(ticket, { body: 'Thanks\u0000' }, ctx('Requester', caller)))).toEqual([
      { code: 'invalid_character', field: 'body', message: 'The reply contains a control character, U+0000 (NUL), at character 7; remove it.' },
    ]);
    expect(errorsOf(workNote(ticket, { body: '\u0000' }, ctx('Analyst', analyst)))).toEqual([
      { code: 'invalid_character', field: 'body', message: 'The work note contains a control character, U+0000 (NUL), at character 1; remove it.' },
    ]);
  });

  it('refuses them in names admins configure', () => {
    const group = validateSupportGroup('desk', { name: 'Desk\u202e', entraGroupId: '0b7c6a1e-1111-4222-8333-944445555666' });
    expect(errorsOf(group)).toEqual([
      {
        code: 'invalid_character',
        field: 'name',
        message: 'The name contains an invisible text-direction control, U+202E (right-to-left override), at character 5; it can make text read backwards, so remove it.',
      },
    ]);
    expect(errorsOf(validateService('email', { name: 'E\u0007mail', ownerId: 'oid-1', defaultGroupKey: 'desk' }, new Set(['desk']))).map((e) => e.code)).toEqual(['invalid_character']);
    expect(errorsOf(validateCategory('printers', { name: 'Printers\u0000' }, { categories: new Set(), services: new Set() })).map((e) => e.message)).toEqual([
      'The name contains a control character, U+0000 (NUL), at character 9; remove it.',
    ]);
  });
});

describe('length limits count storage units and say so', () => {
  it('says both counts when characters take more than one unit: 306 emoji are 606 units', () => {
    const title = `${'😀'.repeat(300)}Laptop`;
    expect([title.length, characterCount(title)]).toEqual([606, 306]);
    expect(errorsOf(createIncident({ title, impact: 3, urgency: 3 }, base))).toEqual([
      {
        code: 'validation',
        field: 'title',
        message: 'The title is 306 characters, which take 606 storage units; the limit is 255 units (most characters take 1 unit, emoji and some others take 2 or more).',
      },
    ]);
  });

  it('keeps the plain message when every character is one unit, and accepts exactly the limit', () => {
    expect(lengthProblem('title', 'x'.repeat(256), 255)).toBe('The title is 256 characters; the limit is 255.');
    expect(lengthProblem('title', '😀'.repeat(127), 255)).toBeNull();
    expect(lengthProblem('title', '😀'.repeat(128), 255)).toBe('The title is 128 characters, which take 256 storage units; the limit is 255 units (most characters take 1 unit, emoji and some others take 2 or more).');
  });

  it('describes a count for beside a field', () => {
    expect(describeLength('Printer', 255)).toBe('7 of 255');
    expect(describeLength('😀'.repeat(200), 255)).toBe('200 characters, 400 of 255 units');
  });

  it('reads a required single-line text', () => {
    const errors: DomainError[] = [];
    expect(readUserText('name', '  ', errors, { required: true, max: 10, label: 'name', shape: 'single-line' })).toBeNull();
    expect(readUserText('name', 7, errors, { required: true, max: 10, label: 'name', shape: 'single-line' })).toBeNull();
    expect(errors).toEqual([
      { code: 'validation', field: 'name', message: 'A name is required.' },
      { code: 'validation', field: 'name', message: 'The name must be text.' },
    ]);
  });
});
