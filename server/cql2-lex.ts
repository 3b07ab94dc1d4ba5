/**
 * The tokens of CQL2 text, read one at a time as the parser asks, so the first error met is the one told.
 * Positions are 1-based characters (code points), as a person counts them in the filter they wrote.
 */
import { Cql2Error } from './cql2-ast';

export interface Token {
  /** `word`: a bare name or keyword; `quoted`: a "double-quoted" name; `punct`: ( ) , and the comparison signs. */
  kind: 'string' | 'number' | 'word' | 'quoted' | 'punct' | 'end';
  /** As written (for messages); for `end`, empty. */
  text: string;
  /** A string's or quoted name's content with its doubled quotes undone; otherwise the text. */
  value: string;
  /** Index of the first UTF-16 unit. */
  at: number;
}

const SPACE = /\s+/y;
const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
// CQL2's identifierStart (letters of any script, `_`, `:`) and identifierPart (also digits, `.`, marks).
const WORD = /[\p{L}_:][\p{L}\p{N}\p{M}_:.]*/uy;
const PUNCT = /<>|<=|>=|[<>=(),]/y;

const HINTS: Record<string, string> = {
  '!': ' (not equal is written <>)',
  ';': ' (a filter is one expression: nothing may follow it)',
  '[': ' (lists are written in parentheses, after IN)',
};

export class Lexer {
  private pos = 0;
  private ahead: Token | null = null;

  constructor(readonly src: string) {}

  peek(): Token {
    return (this.ahead ??= this.scan());
  }

  next(): Token {
    const t = this.peek();
    this.ahead = null;
    return t;
  }

  /** The next token if it is this keyword (any case) or punctuation, consumed; else null. */
  take(word: string): Token | null {
    const t = this.peek();
    const hit = t.kind === 'punct' ? t.text === word : t.kind === 'word' && t.text.toUpperCase() === word;
    return hit ? this.next() : null;
  }

  /** The next token, which must be `word`; else an error saying what was expected instead. */
  expect(word: string, why: string): Token {
    return this.take(word) ?? this.fail(this.peek().at, `${why} but found ${describe(this.peek())}`);
  }

  fail(at: number, message: string): never {
    throw new Cql2Error(`CQL2 filter, character ${[...this.src.slice(0, at)].length + 1}: ${message}`);
  }

  private scan(): Token {
    SPACE.lastIndex = this.pos;
    if (SPACE.test(this.src)) this.pos = SPACE.lastIndex;
    const at = this.pos;
    if (at >= this.src.length) return { kind: 'end', text: '', value: '', at };
    const c = this.src[at]!;
    if (c === "'" || c === '"') return this.quoted(c, at);
    for (const [re, kind] of [[NUMBER, 'number'], [WORD, 'word'], [PUNCT, 'punct']] as const) {
      re.lastIndex = at;
      const m = re.exec(this.src);
      if (m) {
        this.pos = re.lastIndex;
        return { kind, text: m[0], value: m[0], at };
      }
    }
    const ch = String.fromCodePoint(this.src.codePointAt(at)!);
    return this.fail(at, `unexpected character ${JSON.stringify(ch)}${HINTS[ch] ?? ''}`);
  }

  /** A 'string' or "name": a doubled quote inside stands for one. */
  private quoted(q: string, at: number): Token {
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = this.src.indexOf(q, from);
      if (close < 0) this.fail(at, q === "'" ? "unclosed string: the ' here is never closed" : 'unclosed name: the " here is never closed');
      value += this.src.slice(from, close);
      if (this.src[close + 1] !== q) {
        this.pos = close + 1;
        break;
      }
      value += q;
      from = close + 2;
    }
    if (q === '"' && value === '') this.fail(at, 'empty property name ""');
    return { kind: q === "'" ? 'string' : 'quoted', text: this.src.slice(at, this.pos), value, at };
  }
}

/** A token for a message. */
export function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the filter';
  return JSON.stringify(t.text.length > 30 ? `${t.text.slice(0, 27)}…` : t.text);
}
