// Layers that come from one file a planner chose (a GeoPackage's layers, a File Geodatabase's feature
// classes, a drawing split by geometry type, a TopoJSON's objects, the shapefiles of one zip) stay
// together in the layer panel as a group named after that file.

/**
 * The chosen file a layer was read from: the longest chosen name equal to its source or a folder of it
 * (`zone38.gpkg/地块` → `zone38.gpkg`); without one, the source's folder (a `.gdb` picked as a folder).
 * @example sourceGroupKey('plan.gdb.zip/plan.gdb/地块', ['plan.gdb.zip']) // 'plan.gdb.zip'
 */
export function sourceGroupKey(source: string, chosen: readonly string[]): string {
  const hit = chosen.filter((n) => source === n || source.startsWith(`${n}/`)).sort((a, b) => b.length - a.length)[0];
  if (hit) return hit;
  const slash = source.lastIndexOf('/');
  return slash > 0 ? source.slice(0, slash) : source;
}

/** The file's own name, for the group's title. */
export function groupTitle(key: string): string {
  return key.split('/').pop() || key;
}

/**
 * Runs of neighbours (in panel order) that share a group, and the single layers between them; a group of
 * one is shown as a plain row. Moving a layer away from its group splits the run, as it splits the file's
 * layers in the drawing order.
 */
export function groupRuns<T extends { group?: { key: string } }>(layers: readonly T[]): ({ key: string; layers: T[] } | { layer: T })[] {
  const out: ({ key: string; layers: T[] } | { layer: T })[] = [];
  for (const l of layers) {
    const last = out[out.length - 1];
    if (l.group && last && 'layers' in last && last.key === l.group.key) last.layers.push(l);
    else if (l.group && last && 'layer' in last && last.layer.group?.key === l.group.key) out[out.length - 1] = { key: l.group.key, layers: [last.layer, l] };
    else out.push({ layer: l });
  }
  return out;
}
