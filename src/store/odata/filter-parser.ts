// A hand-written parser for the $filter subset Graph list items need here (docs/decisions/0201, 0250):
// comparisons (eq ne lt le gt ge) of `id` or `fields/Name` against a literal, startswith(fields/Name,'text'),
// joined by `and` / `or` (and binds tighter), with parentheses.
import { ODataSyntaxError, tokenize, type Token } from './lexer';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'datetime'; readonly value: string }
  | { readonly kind: 'null' };

export type PropertyRef = { readonly kind: 'id' } | { readonly kind: 'field'; readonly name: string };

export interface Comparison {
  readonly type: 'cmp';
  readonly property: PropertyRef;
  readonly op: CompareOp;
  readonly literal: Literal;
  /** 1-based position of the clause in the $filter text. */
  readonly position: number;
}

export interface StartsWith {
  readonly type: 'startswith';
  readonly property: PropertyRef;
  readonly prefix: string;
  readonly position: number;
}

export interface AndNode {
  readonly type: 'and';
  readonly left: FilterNode;
  readonly right: FilterNode;
}

export interface OrNode {
  readonly type: 'or';
  readonly left: FilterNode;
  readonly right: FilterNode;
}

/** A clause that tests one property: what indexes and the list view threshold are about. */
export type Clause = Comparison | StartsWith;
export type FilterNode = Clause | AndNode | OrNode;

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const UNSUPPORTED_OPERATORS = new Set<string>(['not', 'has', 'in', 'add', 'sub', 'mul', 'div', 'mod']);
const FUNCTIONS = new Set<string>(['startswith']);

/**
 * @param properties 'listItem': `id` and `fields/Name` (list items); 'entity': bare property names (users).
 */
export function parseFilter(text: string, properties: 'listItem' | 'entity' = 'listItem'): FilterNode {
  if (text.trim() === '') throw new ODataSyntaxError('the filter is empty', 1);
  const parser = new Parser(tokenize(text), properties);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

/** Every clause of the filter, left to right. */
export function clausesOf(node: FilterNode): Clause[] {
  return node.type === 'and' || node.type === 'or' ? [...clausesOf(node.left), ...clausesOf(node.right)] : [node];
}

/**
 * The clauses that decide which rows a query starts from, as SharePoint reads a filter on a large list: the
 * leftmost clause of a conjunction, and for a disjunction the leading clause of every branch.
 */
export function leadingClauses(node: FilterNode): Clause[] {
  if (node.type === 'and') return leadingClauses(node.left);
  if (node.type === 'or') return [...leadingClauses(node.left), ...leadingClauses(node.right)];
  return [node];
}

export function propertyLabel(property: PropertyRef): string {
  return property.kind === 'id' ? 'id' : `fields/${property.name}`;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly properties: 'listItem' | 'entity',
  ) {}

  parseOr(): FilterNode {
    let node = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      node = { type: 'or', left: node, right: this.parseAnd() };
    }
    return node;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind === 'end') return;
    if (token.kind === 'identifier' && UNSUPPORTED_OPERATORS.has(token.text.toLowerCase())) {
      throw new ODataSyntaxError(`operator '${token.text}' is not supported by the local store (only eq, ne, lt, le, gt, ge, startswith, 'and' and 'or')`, token.position);
    }
    if (token.kind === 'rparen') throw new ODataSyntaxError("unbalanced ')'", token.position);
    const previous = this.tokens[this.index - 1];
    const hint = previous?.kind === 'string' && previous.end === token.position
      ? " (a quote inside a string is written as two quotes, e.g. 'O''Brien')"
      : '';
    throw new ODataSyntaxError(`expected 'and', 'or' or the end of the filter, found ${describe(token)}${hint}`, token.position);
  }

  private parseAnd(): FilterNode {
    let node = this.parsePrimary();
    while (this.isKeyword('and')) {
      this.next();
      node = { type: 'and', left: node, right: this.parsePrimary() };
    }
    return node;
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.next();
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'rparen') throw new ODataSyntaxError(`expected ')', found ${describe(close)}`, close.position);
      return inner;
    }
    if (token.kind === 'identifier' && UNSUPPORTED_OPERATORS.has(token.text.toLowerCase())) {
      throw new ODataSyntaxError(`operator '${token.text}' is not supported by the local store`, token.position);
    }
    if (token.kind === 'identifier' && this.peekAt(1).kind === 'lparen') return this.parseFunction();
    return this.parseComparison();
  }

  /** startswith(fields/Name,'prefix'); other OData functions are refused by name. */
  private parseFunction(): StartsWith {
    const name = this.next();
    if (!FUNCTIONS.has(name.text.toLowerCase())) {
      throw new ODataSyntaxError(`function '${name.text}' is not supported by the local store (only startswith)`, name.position);
    }
    this.next();
    const property = this.parseProperty();
    const comma = this.next();
    if (comma.kind !== 'comma') throw new ODataSyntaxError(`expected ',' after '${propertyLabel(property)}' in startswith, found ${describe(comma)}`, comma.position);
    const prefix = this.next();
    if (prefix.kind !== 'string') throw new ODataSyntaxError(`startswith takes a string in single quotes, found ${describe(prefix)}`, prefix.position);
    const close = this.next();
    if (close.kind !== 'rparen') throw new ODataSyntaxError(`expected ')' to close startswith, found ${describe(close)}`, close.position);
    if (this.isComparisonOperator()) {
      throw new ODataSyntaxError("write startswith(...) on its own; comparing its result (eq true) is not supported", this.peek().position);
    }
    return { type: 'startswith', property, prefix: prefix.text, position: name.position };
  }

  private parseComparison(): Comparison {
    const start = this.peek();
    const property = this.parseProperty();
    const opToken = this.next();
    const op = opToken.text.toLowerCase();
    if (opToken.kind !== 'identifier' || !COMPARE_OPS.has(op)) {
      if (opToken.kind === 'identifier' && UNSUPPORTED_OPERATORS.has(op)) {
        throw new ODataSyntaxError(`operator '${opToken.text}' is not supported by the local store`, opToken.position);
      }
      throw new ODataSyntaxError(`expected a comparison operator (eq, ne, lt, le, gt, ge) after '${propertyLabel(property)}', found ${describe(opToken)}`, opToken.position);
    }
    const literal = this.parseLiteral();
    return { type: 'cmp', property, op: op as CompareOp, literal, position: start.position };
  }

  private parseProperty(): PropertyRef {
    const token = this.next();
    if (token.kind !== 'identifier') {
      throw new ODataSyntaxError(`expected a property (id or fields/<column name>), found ${describe(token)}`, token.position);
    }
    if (this.peek().kind === 'lparen') {
      throw new ODataSyntaxError(`function '${token.text}' is not supported here`, token.position);
    }
    if (token.text === 'fields') {
      const slash = this.next();
      const name = this.next();
      if (slash.kind !== 'slash' || name.kind !== 'identifier') {
        throw new ODataSyntaxError("expected 'fields/<column name>'", token.position);
      }
      return name.text.toLowerCase() === 'id' ? { kind: 'id' } : { kind: 'field', name: name.text };
    }
    if (token.text === 'id') return { kind: 'id' };
    if (this.properties === 'entity') return { kind: 'field', name: token.text };
    throw new ODataSyntaxError(`unknown property '${token.text}': filter on id or fields/<column name>`, token.position);
  }

  private parseLiteral(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', value: Number(token.text), raw: token.text };
      case 'datetime':
        return { kind: 'datetime', value: token.text };
      case 'identifier': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
        if (word === 'null') return { kind: 'null' };
        break;
      }
      default:
        break;
    }
    throw new ODataSyntaxError(`expected a literal ('text' in single quotes, a number, true, false or null), found ${describe(token)}`, token.position);
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text.toLowerCase() === word;
  }

  private isComparisonOperator(): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && COMPARE_OPS.has(token.text.toLowerCase());
  }

  private peek(): Token {
    return this.peekAt(0);
  }

  private peekAt(offset: number): Token {
    const token = this.tokens[this.index + offset] ?? this.tokens[this.tokens.length - 1]!;
    if (token.error && offset === 0) throw token.error;
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the filter';
  return `'${token.text}'`;
}
