/**
 * A DXF drawing of `count` entities (LINE and POINT alternating, on CAD layers DL (roads) and JZD (boundary points)) in
 * CGCS2000 Gauss–Krüger zone 38 coordinates near Jiaozuo, generated for the tests that need a drawing
 * too big for the browser: 1 000 000 entities are ~53 MB, too big to commit.
 */
export function bigDxf(count: number): Uint8Array {
  const parts: string[] = ['0\nSECTION\n2\nENTITIES\n'];
  for (let i = 0; i < count; i++) {
    const x = 38431000 + (i % 1000) * 2;
    const y = 3894000 + Math.floor(i / 1000) * 2;
    parts.push(i % 2 ? `0\nPOINT\n8\nJZD\n10\n${x}\n20\n${y}\n30\n0\n` : `0\nLINE\n8\nDL\n10\n${x}\n20\n${y}\n30\n0\n11\n${x + 1}\n21\n${y + 1}\n31\n0\n`);
  }
  parts.push('0\nENDSEC\n0\nEOF\n');
  return new TextEncoder().encode(parts.join(''));
}
