/** How many people a search answers (GET /api/people's default top). */
export const PEOPLE_PAGE = 20;

/** What the people picker says under its box. A full page may not be everyone, so it says how to narrow it. */
export function pickerHint(text: string, found: number): string {
  if (text.trim().length < 2) return 'Type at least two letters of a name or email address.';
  if (found === 0) return 'No one found yet.';
  if (found >= PEOPLE_PAGE) return `The first ${PEOPLE_PAGE} matches; type more of the name to narrow them.`;
  return `${found} found.`;
}
