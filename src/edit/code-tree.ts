import { codeList, type CodeEntry } from './code-lists';
import type { CodeListId } from './field-schema';

/** A code list as its hierarchy (一级类 → 二级类 → …), built from each entry's `parent`. */
export interface CodeTree {
  roots: readonly string[];
  children: ReadonlyMap<string, readonly string[]>;
  byCode: ReadonlyMap<string, CodeEntry>;
}

/** One line of the tree as shown: `expanded` null for a class without classes under it. */
export interface TreeRow {
  entry: CodeEntry;
  depth: number;
  expanded: boolean | null;
  /** The class matches the search itself (not only shown as the ancestor of one). */
  match: boolean;
  posInSet: number;
  setSize: number;
  parent: string | null;
}

const TREES = new Map<CodeListId, CodeTree>();

/**
 * The tree of a list, children in list order. An entry whose parent is not in the list becomes a root, so
 * a gap in the data never hides a class.
 */
export function codeTree(id: CodeListId): CodeTree {
  const cached = TREES.get(id);
  if (cached) return cached;
  const list = codeList(id);
  const byCode = new Map(list.map((e) => [e.code, e]));
  const roots: string[] = [];
  const children = new Map<string, string[]>();
  for (const e of list) {
    if (e.parent === null || !byCode.has(e.parent)) roots.push(e.code);
    else children.set(e.parent, [...(children.get(e.parent) ?? []), e.code]);
  }
  const tree = { roots, children, byCode };
  TREES.set(id, tree);
  return tree;
}

/** The classes above `code`, the top one first; empty for a root or a code not in the tree. */
export function ancestorsOf(tree: CodeTree, code: string): string[] {
  const out: string[] = [];
  let at = tree.byCode.get(code)?.parent ?? null;
  // The guard stops a parent cycle in bad data from looping for ever.
  while (at !== null && tree.byCode.has(at) && !out.includes(at)) {
    out.unshift(at);
    at = tree.byCode.get(at)!.parent;
  }
  return out;
}

/**
 * Codes that match a search: the code begins with the query (a planner who knows the code types it), or
 * the Chinese or English name contains it. Null for an empty query (no search: the whole tree).
 * @example [...codeMatches('ydyh', '住宅')!] // ['0701']
 */
export function codeMatches(id: CodeListId, query: string): Set<string> | null {
  const q = query.normalize('NFKC').trim().toLowerCase();
  if (!q) return null;
  return new Set(
    codeList(id)
      .filter((e) => e.code.toLowerCase().startsWith(q) || e.name_zh.includes(q) || e.name_en.toLowerCase().includes(q))
      .map((e) => e.code),
  );
}

/**
 * The lines of the tree as shown, top to bottom. Without a search every class is kept and a class is open
 * when `opened` holds it. With one (`matches`), only matches and their ancestors are kept, and every
 * ancestor of a match opens by itself unless `closed` holds it; a class the person opened (`opened`)
 * shows all its classes, so the context of a match is one key away.
 */
export function visibleRows(tree: CodeTree, matches: ReadonlySet<string> | null, opened: ReadonlySet<string>, closed: ReadonlySet<string>): TreeRow[] {
  const above = new Set<string>();
  if (matches) for (const code of matches) for (const a of ancestorsOf(tree, code)) above.add(a);
  const keep = (code: string) => !matches || matches.has(code) || above.has(code);
  const rows: TreeRow[] = [];
  const walk = (codes: readonly string[], depth: number, parent: string | null) => {
    codes.forEach((code, i) => {
      const kids = tree.children.get(code) ?? [];
      const isOpen = kids.length > 0 && (opened.has(code) || (above.has(code) && !closed.has(code)));
      rows.push({ entry: tree.byCode.get(code)!, depth, expanded: kids.length ? isOpen : null, match: !!matches?.has(code), posInSet: i + 1, setSize: codes.length, parent });
      if (isOpen) walk(opened.has(code) ? kids : kids.filter(keep), depth + 1, code);
    });
  };
  walk(tree.roots.filter(keep), 1, null);
  return rows;
}
