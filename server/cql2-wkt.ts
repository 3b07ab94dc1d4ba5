/**
 * Well-known text geometry literals of CQL2 text, as GeoJSON. Only 2D: a Z, M or ZM geometry, a third
 * ordinate and EMPTY are refused by name, as the server compares in longitude/latitude only.
 */
import type { Geometry, Position } from 'geojson';
import { describe, type Lexer, type Token } from './cql2-lex';

export const WKT_TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION'] as const;
type WktType = (typeof WKT_TYPES)[number];

export function isWktType(word: string): word is WktType {
  return (WKT_TYPES as readonly string[]).includes(word);
}

/** What the reader shares with the parser around it: the nesting depth and the coordinate budget. */
export interface WktBudget {
  enter(at: number): void;
  leave(): void;
  /** Counts one position; fails past the filter's limit. */
  position(at: number): void;
}

export class WktReader {
  constructor(
    private readonly lx: Lexer,
    private readonly budget: WktBudget,
  ) {}

  /** A geometry whose type word (`word`, upper case) has just been read. */
  geometry(word: WktType, t: Token): Geometry {
    const dim = this.lx.peek();
    if (dim.kind === 'word' && /^(Z|M|ZM)$/i.test(dim.text)) this.lx.fail(dim.at, `${word} ${dim.text.toUpperCase()}: only 2D geometries (longitude latitude) are supported`);
    if (this.lx.take('EMPTY')) this.lx.fail(t.at, `${word} EMPTY: empty geometries are not supported`);
    switch (word) {
      case 'POINT': {
        this.open(word);
        const p = this.position();
        this.close(word);
        return { type: 'Point', coordinates: p };
      }
      case 'LINESTRING':
        return { type: 'LineString', coordinates: this.positions(word) };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: this.list(word, () => this.positions('a ring of POLYGON')) };
      case 'MULTIPOINT':
        // Both `(1 2, 3 4)` and `((1 2), (3 4))` are written in the wild; the standard's BNF has the second.
        return { type: 'MultiPoint', coordinates: this.list(word, () => (this.lx.peek().kind === 'punct' && this.lx.peek().text === '(' ? this.wrapped() : this.position())) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: this.list(word, () => this.positions('a line of MULTILINESTRING')) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: this.list(word, () => this.list('a polygon of MULTIPOLYGON', () => this.positions('a ring of MULTIPOLYGON'))) };
      case 'GEOMETRYCOLLECTION': {
        this.budget.enter(t.at);
        const geometries = this.list(word, () => {
          const g = this.lx.next();
          const w = g.text.toUpperCase();
          if (g.kind !== 'word' || !isWktType(w)) this.lx.fail(g.at, `expected a geometry (POINT, LINESTRING, POLYGON…) in GEOMETRYCOLLECTION but found ${describe(g)}`);
          return this.geometry(w, g);
        });
        this.budget.leave();
        return { type: 'GeometryCollection', geometries };
      }
    }
  }

  /** `(x y)`: a point of MULTIPOINT in its own parentheses. */
  private wrapped(): Position {
    this.open('a point of MULTIPOINT');
    const p = this.position();
    this.lx.expect(')', 'expected ")" after the one position of a point of MULTIPOINT');
    return p;
  }

  private open(what: string): void {
    this.lx.expect('(', `expected "(" to start the coordinates of ${what}`);
  }

  private close(what: string): void {
    this.lx.expect(')', `expected "," or ")" in ${what}`);
  }

  /** `( item, item, … )`, at least one item. */
  private list<T>(what: string, item: () => T): T[] {
    this.open(what);
    const out = [item()];
    while (this.lx.take(',')) out.push(item());
    this.close(what);
    return out;
  }

  private positions(what: string): Position[] {
    return this.list(what, () => this.position());
  }

  /** `x y` in degrees: longitude then latitude. */
  private position(): Position {
    const x = this.coordinate('a longitude (x)', -180, 180);
    const y = this.coordinate('a latitude (y) after the longitude', -90, 90);
    const third = this.lx.peek();
    if (third.kind === 'number') this.lx.fail(third.at, 'a third coordinate: only 2D positions (longitude latitude) are supported');
    return [x, y];
  }

  private coordinate(what: string, min: number, max: number): number {
    const t = this.lx.next();
    if (t.kind !== 'number') this.lx.fail(t.at, `expected ${what} but found ${describe(t)}`);
    if (what.startsWith('a longitude')) this.budget.position(t.at);
    const v = Number(t.text);
    if (!(v >= min && v <= max)) this.lx.fail(t.at, `${t.text} is outside ${min}..${max}: coordinates are longitude/latitude in degrees (CRS84)`);
    return v;
  }
}
