/**
 * CQL2 text (OGC 21-065) into the CQL2-JSON tree, by recursive descent.
 *
 * Our own parser, not a library's: the only CQL2 package on npm (cql2-wasm 0.5.0-rc1) silently drops what
 * its text parser cannot read — `name = 'it''s'` became `name = 'it'`, `name = 'x'; DROP …` became
 * `name = 'x'` and `a == 'x'` became just `a` — so a typo or an attack would quietly filter something
 * else. This one reads the whole input or fails with the position and what it expected there.
 *
 * Grammar (keywords in any case; NOT binds tighter than AND, AND tighter than OR):
 *   or      = and {OR and}          and = factor {AND factor}        factor = NOT factor | primary
 *   primary = "(" or ")" | S_xxx "(" value "," value ")" | value [predicate]   (a bare value: TRUE/FALSE only)
 *   predicate = (= | <> | < | > | <= | >=) value | [NOT] LIKE value | [NOT] BETWEEN value AND value
 *             | [NOT] IN "(" value {"," value} ")" | IS [NOT] NULL
 *   value   = 'string' | number | TRUE | FALSE | DATE('…') | TIMESTAMP('…') | BBOX(w,s,e,n) | WKT | name
 */
import { Cql2Error, isSpatialOp, LIMITS } from './cql2-ast';
import { describe, Lexer, type Token } from './cql2-lex';
import { isWktType, WktReader } from './cql2-wkt';

/** A CQL2-JSON value, before validateCql2 checks it. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Words that are never a bare property name; such a property is written in double quotes. */
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'BETWEEN', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE']);
const COMPARE = new Set(['=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private depth = 0;
  private positions = 0;
  private readonly wkt: WktReader;

  constructor(private readonly lx: Lexer) {
    this.wkt = new WktReader(lx, {
      enter: (at) => this.enter(at),
      leave: () => this.leave(),
      position: (at) => {
        if (++this.positions > LIMITS.coordinates) lx.fail(at, `more than ${LIMITS.coordinates} coordinates in the filter's geometries`);
      },
    });
  }

  whole(): Json {
    const e = this.or();
    const t = this.lx.peek();
    if (t.kind !== 'end') this.lx.fail(t.at, `expected AND, OR or the end of the filter but found ${describe(t)}`);
    return e;
  }

  private enter(at: number): void {
    if (++this.depth > LIMITS.depth) this.lx.fail(at, `nested more than ${LIMITS.depth} levels deep`);
  }

  private leave(): void {
    this.depth--;
  }

  private or(after?: Token): Json {
    const args = [this.and(after)];
    for (let t; (t = this.lx.take('OR')); ) args.push(this.and(t));
    return args.length === 1 ? args[0]! : { op: 'or', args };
  }

  private and(after?: Token): Json {
    const args = [this.factor(after)];
    for (let t; (t = this.lx.take('AND')); ) args.push(this.factor(t));
    return args.length === 1 ? args[0]! : { op: 'and', args };
  }

  private factor(after?: Token): Json {
    const not = this.lx.take('NOT');
    if (!not) return this.primary(after);
    this.enter(not.at);
    const e = this.factor(not);
    this.leave();
    return { op: 'not', args: [e] };
  }

  private primary(after?: Token): Json {
    const t = this.lx.peek();
    const open = this.lx.take('(');
    if (open) {
      this.enter(open.at);
      const e = this.or(open);
      this.lx.expect(')', `expected ")" to close the "(" at character ${[...this.lx.src.slice(0, open.at)].length + 1}`);
      this.leave();
      return e;
    }
    if (t.kind === 'end' || t.kind === 'punct' || (t.kind === 'word' && KEYWORDS.has(t.text.toUpperCase()) && !/^(TRUE|FALSE)$/i.test(t.text))) {
      const quote = t.kind === 'word' && !/^(AND|OR|NOT)$/i.test(t.text) ? ` (a keyword: a property of that name is written in double quotes, "${t.text}")` : '';
      this.lx.fail(t.at, `expected a condition${after ? ` after ${describe(after)}` : ''} but found ${describe(t)}${quote}`);
    }
    if (t.kind === 'word' && isSpatialOp(t.text.toLowerCase())) return this.spatial(this.lx.next());
    const left = this.value(after);
    return this.predicate(left, t);
  }

  private spatial(name: Token): Json {
    const op = name.text.toUpperCase();
    this.lx.expect('(', `expected "(" after ${op}`);
    const a = this.value(name, `the first geometry of ${op}`);
    this.lx.expect(',', `expected "," between the two geometries of ${op}`);
    const b = this.value(name, `the second geometry of ${op}`);
    this.lx.expect(')', `expected ")" to close ${op}(`);
    return { op: op.toLowerCase(), args: [a, b] };
  }

  private predicate(left: Json, leftTok: Token): Json {
    const t = this.lx.peek();
    if (t.kind === 'punct' && COMPARE.has(t.text)) {
      this.lx.next();
      return { op: t.text, args: [left, this.value(t)] };
    }
    const is = this.lx.take('IS');
    if (is) {
      const not = this.lx.take('NOT');
      this.lx.expect('NULL', `expected NULL after ${not ? '"IS NOT"' : '"IS"'}`);
      const e = { op: 'isNull', args: [left] };
      return not ? { op: 'not', args: [e] } : e;
    }
    const not = this.lx.take('NOT');
    let e: Json;
    let k: Token | null;
    if ((k = this.lx.take('LIKE'))) {
      e = { op: 'like', args: [left, this.value(k)] };
    } else if ((k = this.lx.take('BETWEEN'))) {
      const lo = this.value(k);
      const and = this.lx.expect('AND', 'expected AND in "BETWEEN … AND …"');
      e = { op: 'between', args: [left, lo, this.value(and)] };
    } else if ((k = this.lx.take('IN'))) {
      this.lx.expect('(', 'expected "(" to start the list after IN');
      const list = [this.value(k, 'a value in the IN list')];
      while (this.lx.take(',')) list.push(this.value(k, 'a value in the IN list'));
      this.lx.expect(')', 'expected "," or ")" in the IN list');
      e = { op: 'in', args: [left, list] };
    } else if (not) {
      return this.lx.fail(this.lx.peek().at, `expected LIKE, BETWEEN or IN after NOT but found ${describe(this.lx.peek())}`);
    } else if (typeof left === 'boolean') {
      return left;
    } else {
      return this.lx.fail(t.at, `expected a comparison (=, <>, <, >, <=, >=, LIKE, BETWEEN, IN or IS NULL) after ${describe(leftTok)} but found ${describe(t)}`);
    }
    return not ? { op: 'not', args: [e] } : e;
  }

  /** A literal, geometry or property; `what` names it in the message when something else is found. */
  private value(after?: Token, what = 'a value'): Json {
    const t = this.lx.next();
    const where = `expected ${what}${after ? ` after ${describe(after)}` : ''} but found ${describe(t)}`;
    if (t.kind === 'string') return t.value;
    if (t.kind === 'quoted') return { property: t.value };
    if (t.kind === 'number') {
      const n = Number(t.text);
      if (!Number.isFinite(n)) this.lx.fail(t.at, `the number ${t.text.slice(0, 30)} is too large`);
      return n;
    }
    if (t.kind !== 'word') return this.lx.fail(t.at, where);
    const up = t.text.toUpperCase();
    if (up === 'TRUE' || up === 'FALSE') return up === 'TRUE';
    if (up === 'NULL') this.lx.fail(t.at, `${where} (a missing value is tested with IS NULL)`);
    if (KEYWORDS.has(up)) this.lx.fail(t.at, `${where}${up === 'AND' || up === 'OR' ? '' : ` (a keyword: a property of that name is written in double quotes, "${t.text}")`}`);
    const next = this.lx.peek();
    const call = next.kind === 'punct' && next.text === '(';
    if (isWktType(up) && (call || (next.kind === 'word' && /^(Z|M|ZM|EMPTY)$/i.test(next.text)))) return this.wkt.geometry(up, t) as unknown as Json;
    if (!call) return { property: t.text };
    if (up === 'DATE' || up === 'TIMESTAMP') {
      this.lx.next();
      const s = this.lx.next();
      if (s.kind !== 'string') this.lx.fail(s.at, `expected a quoted ${up === 'DATE' ? "date, as DATE('2024-05-01')" : "time, as TIMESTAMP('2024-05-01T08:00:00Z')"} but found ${describe(s)}`);
      this.lx.expect(')', `expected ")" to close ${up}(`);
      return up === 'DATE' ? { date: s.value } : { timestamp: s.value };
    }
    if (up === 'BBOX') return this.bbox();
    if (isSpatialOp(up.toLowerCase())) this.lx.fail(t.at, `${where}: ${up}(…) is a condition, not a value`);
    return this.lx.fail(t.at, `unknown function ${JSON.stringify(t.text.slice(0, 30))}: the functions are DATE, TIMESTAMP, BBOX, the WKT geometries and the spatial S_INTERSECTS, S_DISJOINT, S_CONTAINS, S_WITHIN, S_TOUCHES, S_CROSSES, S_OVERLAPS, S_EQUALS`);
  }

  /** BBOX(west, south, east, north), after the word BBOX. */
  private bbox(): Json {
    const open = this.lx.next();
    const v: number[] = [];
    do {
      const t = this.lx.next();
      if (t.kind !== 'number') this.lx.fail(t.at, `expected a number in BBOX(west, south, east, north) but found ${describe(t)}`);
      v.push(Number(t.text));
    } while (this.lx.take(','));
    this.lx.expect(')', 'expected "," or ")" in BBOX');
    if (v.length !== 4) this.lx.fail(open.at, `BBOX takes 4 numbers (west, south, east, north), not ${v.length}; 3D boxes are not supported`);
    return { bbox: v };
  }
}

/**
 * Parses CQL2 text into its CQL2-JSON form; throws a Cql2Error saying where and what was expected. The
 * tree still goes through validateCql2 (types, geometry rules) before it is compiled.
 */
export function parseCql2Text(src: string): Json {
  if (src.length > LIMITS.chars) throw new Cql2Error(`CQL2 filter of ${src.length} characters: at most ${LIMITS.chars} are read`);
  if (src.includes('\0')) throw new Cql2Error('CQL2 filter with a NUL character');
  return new Parser(new Lexer(src)).whole();
}
