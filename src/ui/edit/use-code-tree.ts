import { useEffect, useLayoutEffect, useMemo, useState, type CSSProperties, type RefObject } from 'react';
import type { CodeListId } from '../../edit/field-schema';
import { ancestorsOf, codeMatches, codeTree, visibleRows, type TreeRow } from '../../edit/code-tree';

const LATIN = /^[a-z\s]+$/i;

/**
 * The state of a code picker's tree: whether it is open, the search, which classes are opened or closed
 * by hand, and the active class (the one aria-activedescendant names). Matches by pinyin join those by
 * code and name once the pinyin module has loaded (it loads on the first Latin query).
 */
export function useCodeTree(list: CodeListId, value: string) {
  const tree = codeTree(list);
  const [isOpen, setOpen] = useState(false);
  const [query, setQueryState] = useState<string | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const [pinyin, setPinyin] = useState<{ q: string; codes: string[] } | null>(null);

  useEffect(() => {
    const q = query?.trim() ?? '';
    if (!LATIN.test(q)) return;
    let live = true;
    void import('../../edit/code-pinyin').then((m) => live && setPinyin({ q, codes: m.pinyinCodeMatches(list, q) }));
    return () => {
      live = false;
    };
  }, [list, query]);

  const rows = useMemo(() => {
    const own = query === null ? null : codeMatches(list, query);
    const matches = own && pinyin && pinyin.q === query?.trim() ? new Set([...own, ...pinyin.codes]) : own;
    return visibleRows(tree, matches, opened, closed);
  }, [tree, list, query, pinyin, opened, closed]);

  /** Opens on the whole tree, the current class in view and active. */
  const open = () => {
    const code = tree.byCode.has(value.trim()) ? value.trim() : null;
    setQueryState(null);
    setOpened(new Set(code ? ancestorsOf(tree, code) : []));
    setClosed(new Set());
    setActive(code);
    setOpen(true);
  };
  const search = (q: string) => {
    setQueryState(q.trim() ? q : null);
    setOpened(new Set());
    setClosed(new Set());
    setActive(null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setActive(null);
  };
  const at = rows.findIndex((r) => r.entry.code === active);
  const row: TreeRow | undefined = rows[at];
  /** Down from the search box lands on the first match, not on the ancestor shown above it. */
  const first = () => (rows.find((r) => r.match) ?? rows[0])?.entry.code ?? null;
  const step = (by: 1 | -1) => {
    if (!rows.length) return;
    if (at < 0) setActive(by === 1 ? first() : rows[rows.length - 1]!.entry.code);
    else setActive(rows[Math.max(0, Math.min(rows.length - 1, at + by))]!.entry.code);
  };
  const setExpanded = (code: string, expand: boolean) => {
    const without = (s: ReadonlySet<string>) => new Set([...s].filter((c) => c !== code));
    setOpened((s) => (expand ? new Set([...s, code]) : without(s)));
    setClosed((s) => (expand ? without(s) : new Set([...s, code])));
  };
  /** → opens the active class, or moves into it when open; false when there is nothing to do (the caret moves). */
  const right = (): boolean => {
    if (!row || row.expanded === null) return false;
    if (!row.expanded) setExpanded(row.entry.code, true);
    else setActive(rows[at + 1]?.entry.code ?? active);
    return true;
  };
  /** ← closes the active class, or moves to the class above it. */
  const left = (): boolean => {
    if (!row) return false;
    if (row.expanded) setExpanded(row.entry.code, false);
    else if (row.parent) setActive(row.parent);
    else return false;
    return true;
  };
  return { rows, isOpen, active: row ? active : null, open, search, close, step, right, left, setExpanded, edge: (end: boolean) => rows.length && setActive(rows[end ? rows.length - 1 : 0]!.entry.code) };
}

/**
 * Where a popup under `anchor` goes: fixed to the viewport (a table cell or a scrolled panel would clip it),
 * below the anchor or above it when there is more room there, never wider than the screen.
 */
export function usePopupPlace(anchor: RefObject<HTMLElement | null>, open: boolean, minWidth = 288): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({ display: 'none' });
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const r = anchor.current?.getBoundingClientRect();
      if (!r) return;
      const vw = document.documentElement.clientWidth;
      const vh = window.innerHeight;
      const width = Math.min(Math.max(r.width, minWidth), vw - 16);
      const left = Math.max(8, Math.min(r.left, vw - width - 8));
      const below = vh - r.bottom - 8;
      const above = r.top - 8;
      const up = below < 200 && above > below;
      const maxHeight = Math.min(320, up ? above : below);
      setStyle({ position: 'fixed', left, width, maxHeight, ...(up ? { bottom: vh - r.top + 2 } : { top: r.bottom + 2 }) });
    };
    place();
    // Capture: a scroll of any panel that holds the anchor moves it.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [anchor, open, minWidth]);
  return style;
}
