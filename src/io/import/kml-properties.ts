/**
 * Attributes of KML placemarks as a planner means them. `<Data>` values are untyped text, typed per column
 * like CSV cells (values/column-types.ts), so codes stay text and an exported number reads back a number.
 */
import { columnKinds, typedCell } from '../values/column-types';

type Props = Record<string, unknown>;

/** Names of the untyped `<Data name="…">` fields of a KML document. */
export function untypedDataNames(doc: Document): Set<string> {
  const out = new Set<string>();
  const nodes = doc.getElementsByTagName('Data');
  for (let i = 0; i < nodes.length; i++) out.add(nodes[i]!.getAttribute('name') ?? '');
  return out;
}

/** Types the `<Data>` columns of all placemarks at once; other properties are left as they are. */
export function typeDataColumns(props: Props[], names: ReadonlySet<string>, numeric?: readonly string[]): void {
  const cols = [...names].filter((n) => props.some((p) => typeof p[n] === 'string'));
  if (!cols.length) return;
  const rows = props.map((p) => cols.map((c) => (typeof p[c] === 'string' ? (p[c] as string) : '')));
  const kinds = columnKinds(cols, rows, numeric);
  for (const p of props) {
    cols.forEach((c, k) => {
      if (typeof p[c] === 'string') p[c] = typedCell(p[c] as string, kinds[k]!);
    });
  }
}
