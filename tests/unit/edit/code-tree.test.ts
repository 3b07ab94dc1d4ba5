import { describe, expect, it } from 'vitest';
import { codeList } from '../../../src/edit/code-lists';
import { ancestorsOf, codeMatches, codeTree, visibleRows } from '../../../src/edit/code-tree';
import { pinyinCodeMatches } from '../../../src/edit/code-pinyin';

const none = new Set<string>();
const codes = (rows: { entry: { code: string } }[]) => rows.map((r) => r.entry.code);

describe('codeTree', () => {
  it('puts every class of both lists under its parent, once, in list order', () => {
    for (const id of ['ydyh', 'dlbm'] as const) {
      const tree = codeTree(id);
      const placed = [...tree.roots, ...[...tree.children.values()].flat()];
      expect(placed.sort()).toEqual(codeList(id).map((e) => e.code).sort());
      for (const [parent, kids] of tree.children) for (const k of kids) expect(tree.byCode.get(k)!.parent).toBe(parent);
    }
    expect(codeTree('ydyh').children.get('07')).toEqual(['0701', '0702', '0703', '0704']);
    expect(codeTree('dlbm').children.get('01')).toEqual(['0101', '0102', '0103']);
  });

  it('keeps the 三调 wetland classes under 00 although their codes start otherwise', () => {
    expect(codeTree('dlbm').children.get('00')).toContain('0303');
    expect(ancestorsOf(codeTree('dlbm'), '0303')).toEqual(['00']);
    expect(ancestorsOf(codeTree('ydyh'), '0701')).toEqual(['07']);
    expect(ancestorsOf(codeTree('ydyh'), '07')).toEqual([]);
    expect(ancestorsOf(codeTree('ydyh'), 'nope')).toEqual([]);
  });
});

describe('visibleRows', () => {
  it('without a search shows the first level, and a class opened shows its classes with their levels', () => {
    const tree = codeTree('ydyh');
    const top = visibleRows(tree, null, none, none);
    expect(top.every((r) => r.depth === 1)).toBe(true);
    expect(codes(top)).toEqual(tree.roots);
    const open = visibleRows(tree, null, new Set(['07']), none);
    const at = codes(open).indexOf('07');
    expect(codes(open).slice(at, at + 5)).toEqual(['07', '0701', '0702', '0703', '0704']);
    expect(open[at]).toMatchObject({ expanded: true, depth: 1, parent: null });
    expect(open[at + 1]).toMatchObject({ expanded: null, depth: 2, parent: '07', posInSet: 1, setSize: 4 });
  });

  it('a search by name narrows the tree to the matches and their ancestors, opened', () => {
    const tree = codeTree('ydyh');
    const rows = visibleRows(tree, codeMatches('ydyh', '住宅'), none, none);
    expect(codes(rows)).toEqual(['07', '0701']);
    expect(rows.map((r) => r.match)).toEqual([false, true]);
    expect(rows[0]).toMatchObject({ expanded: true, setSize: 1 });
  });

  it('a search by code keeps the classes the code begins, and a match opened by hand shows all its classes', () => {
    const tree = codeTree('ydyh');
    expect(codes(visibleRows(tree, codeMatches('ydyh', '0701'), none, none))).toEqual(['07', '0701']);
    const m = codeMatches('ydyh', '居住用地');
    expect(codes(visibleRows(tree, m, none, none))).toEqual(['07']);
    expect(codes(visibleRows(tree, m, new Set(['07']), none))).toEqual(['07', '0701', '0702', '0703', '0704']);
    // An ancestor closed by hand stays closed while the search stands.
    expect(codes(visibleRows(tree, codeMatches('ydyh', '住宅'), none, new Set(['07'])))).toEqual(['07']);
  });

  it('a search that matches nothing shows nothing; codes and names are read as typed (full width, case)', () => {
    expect(visibleRows(codeTree('dlbm'), codeMatches('dlbm', '火星'), none, none)).toEqual([]);
    expect([...codeMatches('dlbm', '０５ｈ')!]).toEqual(['05H1']);
    expect(codes(visibleRows(codeTree('dlbm'), codeMatches('dlbm', '水田'), none, none))).toEqual(['01', '0101']);
    expect(codes(visibleRows(codeTree('dlbm'), codeMatches('dlbm', 'mangrove'), none, none))).toEqual(['00', '0303']);
  });
});

describe('pinyinCodeMatches', () => {
  it('finds classes by full or abbreviated pinyin of their Chinese name', () => {
    expect(pinyinCodeMatches('ydyh', 'zhuzhai')).toContain('0701');
    expect(pinyinCodeMatches('ydyh', 'czzz')).toContain('0701');
    expect(pinyinCodeMatches('dlbm', 'shuitian')).toEqual(['0101']);
  });
});
