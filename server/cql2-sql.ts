/**
 * A checked CQL2 filter as a WHERE fragment over a layer's table (alias `t`). Properties are looked up in
 * the catalogue and only the names found there are quoted into the statement; every literal, geometry
 * included, is a `$n` parameter. Types are checked here rather than cast: a text field compared with a
 * number is refused, not silently compared as text.
 */
import { Cql2Error, LIMITS, show, SPATIAL, isSpatialOp, type Cql2Expr, type Operand } from './cql2-ast';
import { attributeFields, envelopeSql, isIntegerType, quoteIdent, type Field, type Layer } from './sql';

export type Kind = 'number' | 'text' | 'bool' | 'date' | 'timestamp' | 'geometry' | 'other';

const UDT_KINDS: Record<string, Kind> = {
  int2: 'number', int4: 'number', int8: 'number', float4: 'number', float8: 'number', numeric: 'number',
  bool: 'bool', text: 'text', varchar: 'text', bpchar: 'text', name: 'text', citext: 'text',
  date: 'date', timestamp: 'timestamp', timestamptz: 'timestamp',
};
const CASTS: Record<Kind, string> = { number: 'float8', text: 'text', bool: 'boolean', date: 'date', timestamp: 'timestamptz', geometry: '', other: '' };

/** What CQL2 can do with a column of this information_schema udt_name. */
export function fieldKind(udt: string): Kind {
  return UDT_KINDS[udt] ?? 'other';
}

/** The names that stand for the geometry column, besides its own, where no field of the layer has them. */
const GEOMETRY_ALIASES = ['geometry', 'geom'];

/** One side of a predicate: a property or a literal; `sql` is null for a scalar literal, which becomes a parameter once the column it meets is known. */
interface Side {
  kind: Kind;
  desc: string;
  prop: boolean;
  sql: string | null;
  value?: unknown;
  column?: Field;
}

function fail(message: string): never {
  throw new Cql2Error(`CQL2 filter: ${message}`);
}

class Compiler {
  readonly values: unknown[] = [];
  private readonly fields: Map<string, Field>;

  constructor(
    private readonly layer: Layer,
    private readonly first: number,
  ) {
    this.fields = new Map(attributeFields(layer).map((f) => [f.name, f]));
  }

  private readonly push = (v: unknown): string => {
    if (this.values.length >= LIMITS.parameters) fail(`more than ${LIMITS.parameters} values in the filter`);
    this.values.push(v);
    return `$${this.first + this.values.length - 1}`;
  };

  expr(e: Cql2Expr): string {
    if (typeof e === 'boolean') return `${this.push(e)}::boolean`;
    switch (e.op) {
      case 'and':
      case 'or':
        return `(${e.args.map((a) => this.expr(a)).join(e.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${this.expr(e.args[0])})`;
      case 'isNull': {
        const s = this.side(e.args[0]);
        if (!s.prop) fail(`IS NULL tests a property, not ${s.desc}`);
        return `(${s.sql} IS NULL)`;
      }
      case 'like': {
        const [a, p] = [this.side(e.args[0]), this.side(e.args[1])];
        this.comparable('LIKE', [a], false);
        if (a.kind !== 'text') fail(`LIKE matches text; ${a.desc} is not text`);
        if (typeof e.args[1] !== 'string') fail(`the pattern after LIKE is a string such as '%村', not ${p.desc}`);
        return `(${this.scalar(a, null)} LIKE ${this.scalar(p, a)})`;
      }
      case 'between': {
        const s = e.args.map((x) => this.side(x));
        this.comparable('BETWEEN', s, true);
        const col = s.find((x) => x.prop) ?? null;
        return `(${this.scalar(s[0]!, col)} BETWEEN ${this.scalar(s[1]!, col)} AND ${this.scalar(s[2]!, col)})`;
      }
      case 'in': {
        const a = this.side(e.args[0]);
        const list = e.args[1].map((x) => this.side(x));
        this.comparable('IN', [a, ...list], false);
        const ref = list.find((x) => x.prop);
        if (ref) fail(`the list after IN holds values, not ${ref.desc}`);
        const ints = a.column && isIntegerType(a.column.type) && list.every((x) => Number.isSafeInteger(x.value));
        const cast = a.kind === 'number' ? (ints ? 'int8' : a.column?.type === 'numeric' ? 'numeric' : 'float8') : CASTS[a.kind];
        return `(${this.scalar(a, null)} = ANY(${this.push(list.map((x) => x.value))}::${cast}[]))`;
      }
    }
    if (isSpatialOp(e.op)) {
      const name = e.op.toUpperCase();
      const [a, b] = [this.side(e.args[0]), this.side(e.args[1])];
      for (const s of [a, b]) if (s.kind !== 'geometry') fail(`${name} compares geometries; ${s.desc} is not one`);
      return `${SPATIAL[e.op]}(${a.sql}, ${b.sql})`;
    }
    const [a, b] = [this.side(e.args[0]), this.side(e.args[1])];
    this.comparable(e.op, [a, b], e.op !== '=' && e.op !== '<>');
    return `(${this.scalar(a, b)} ${e.op} ${this.scalar(b, a)})`;
  }

  /** Sides that may be compared: the same kind of value, and ordered where the operator orders. */
  private comparable(op: string, sides: Side[], ordered: boolean): void {
    for (const s of sides) {
      if (s.kind === 'geometry') fail(`${s.desc} is a geometry: geometries are compared with S_INTERSECTS, S_EQUALS and the other spatial functions, not with ${op}`);
      if (s.kind === 'other') fail(`${s.desc} can only be tested with IS NULL`);
    }
    const first = sides[0]!;
    const odd = sides.find((s) => s.kind !== first.kind);
    if (odd) fail(`${op} cannot compare ${first.desc} with ${odd.desc}`);
    if (ordered && first.kind === 'bool') fail(`${op} does not order booleans (${first.desc}); use = or <>`);
  }

  /** A column as itself; a literal as a parameter cast to the type of the column it meets. */
  private scalar(s: Side, other: Side | null): string {
    if (s.sql !== null) return s.sql;
    let cast = CASTS[s.kind];
    const col = other?.column;
    if (s.kind === 'number' && col) {
      if (isIntegerType(col.type) && Number.isSafeInteger(s.value)) cast = 'int8';
      else if (col.type === 'numeric') cast = 'numeric';
    }
    return `${this.push(s.value)}::${cast}`;
  }

  private side(o: Operand): Side {
    const lit = (kind: Kind, desc: string, value: unknown): Side => ({ kind, desc, prop: false, sql: null, value });
    if (typeof o === 'string') return lit('text', `the string ${show(o)}`, o);
    if (typeof o === 'number') return lit('number', `the number ${o}`, o);
    if (typeof o === 'boolean') return lit('bool', o ? 'TRUE' : 'FALSE', o);
    if ('property' in o) return this.property(o.property);
    if ('date' in o) return lit('date', `DATE(${show(o.date)})`, o.date);
    if ('timestamp' in o) return lit('timestamp', `TIMESTAMP(${show(o.timestamp)})`, o.timestamp);
    if ('type' in o) {
      const geojson = `ST_GeomFromGeoJSON(${this.push(JSON.stringify(o))}::text)`;
      return { kind: 'geometry', desc: `a ${o.type}`, prop: false, sql: `ST_Transform(ST_SetSRID(${geojson}, 4326), ${this.push(this.layer.srid)}::int)` };
    }
    return { kind: 'geometry', desc: 'a BBOX', prop: false, sql: envelopeSql(this.layer, o.bbox, this.push) };
  }

  private property(name: string): Side {
    const label = JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}…` : name);
    const f = this.fields.get(name);
    if (f) return { kind: fieldKind(f.type), desc: `property ${label} (${f.type})`, prop: true, sql: `t.${quoteIdent(f.name)}`, column: f };
    const geom = this.layer.geometryColumn;
    if (name === geom || (GEOMETRY_ALIASES.includes(name) && !this.layer.fields.some((x) => x.name === name))) {
      return { kind: 'geometry', desc: `the geometry ${label}`, prop: true, sql: `t.${quoteIdent(geom)}` };
    }
    const known = [...this.fields.keys(), geom];
    const some = known.slice(0, 8).map((k) => JSON.stringify(k)).join(', ');
    return fail(`unknown property ${label} of ${this.layer.id}: its queryables are ${some}${known.length > 8 ? ', …' : ''} (see /collections/${encodeURIComponent(this.layer.id)}/queryables)`);
  }
}

/**
 * The WHERE fragment of a checked filter (see validateCql2) on `layer`, its values numbered from `$first`;
 * throws a Cql2Error for a property the layer does not have or values of the wrong kind.
 */
export function cql2Where(layer: Layer, expr: Cql2Expr, first: number): { where: string; values: unknown[] } {
  const c = new Compiler(layer, first);
  const where = c.expr(expr);
  return { where, values: c.values };
}
