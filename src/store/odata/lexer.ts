// Tokenizer for the small OData $filter subset the store accepts.
// Positions are 1-based character offsets so error messages can point at the problem.

export type TokenKind = 'identifier' | 'string' | 'number' | 'datetime' | 'lparen' | 'rparen' | 'comma' | 'slash' | 'end' | 'error';

export interface Token {
  readonly kind: TokenKind;
  /** For strings: the unescaped value; otherwise the raw text. */
  readonly text: string;
  readonly position: number;
  /** 1-based position just after the token. */
  readonly end: number;
  /** For 'error' tokens: raised when the parser reaches it, so earlier mistakes are reported first. */
  readonly error?: ODataSyntaxError;
}

export class ODataSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly position: number,
  ) {
    super(`${detail} (at position ${position})`);
  }
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_$@][A-Za-z0-9_.@$]*/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  try {
    scan(input, tokens);
  } catch (error) {
    if (!(error instanceof ODataSyntaxError)) throw error;
    tokens.push({ kind: 'error', text: '', position: error.position, end: error.position, error });
    return tokens;
  }
  tokens.push({ kind: 'end', text: '', position: input.length + 1, end: input.length + 1 });
  return tokens;
}

function scan(input: string, tokens: Token[]): void {
  let i = 0;
  while (i < input.length) {
    const ch = input.charAt(i);
    const position = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const single = ({ '(': 'lparen', ')': 'rparen', ',': 'comma', '/': 'slash' } as const)[ch as '(' | ')' | ',' | '/'];
    if (single) {
      tokens.push({ kind: single, text: ch, position, end: position + 1 });
      i += 1;
      continue;
    }
    if (ch === "'") {
      const { value, next } = readString(input, i);
      tokens.push({ kind: 'string', text: value, position, end: next + 1 });
      i = next;
      continue;
    }
    const rest = input.slice(i);
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      tokens.push({ kind: 'datetime', text: datetime[0], position, end: position + datetime[0].length });
      i += datetime[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], position, end: position + number[0].length });
      i += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ kind: 'identifier', text: identifier[0], position, end: position + identifier[0].length });
      i += identifier[0].length;
      continue;
    }
    throw new ODataSyntaxError(`unexpected character '${ch}'`, position);
  }
}

/** OData string literals escape a single quote by doubling it: 'O''Brien'. */
function readString(input: string, start: number): { value: string; next: number } {
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (ch === "'") {
      if (input.charAt(i + 1) === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += ch;
    i += 1;
  }
  throw new ODataSyntaxError('unterminated string literal (a quote inside a string is written as two quotes)', start + 1);
}
