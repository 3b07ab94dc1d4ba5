/**
 * TopoJSON (the MCA's official boundary files, mapshaper and d3 output): every object of the topology
 * becomes a FeatureCollection through topojson-client, arcs and quantization resolved; then it is read
 * like GeoJSON.
 */
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { makeIssue, type ImportIssue } from '../types';

/** True for a parsed TopoJSON document (`type: "Topology"`). */
export function isTopology(doc: unknown): doc is Topology {
  return !!doc && typeof doc === 'object' && (doc as { type?: unknown }).type === 'Topology';
}

/**
 * One FeatureCollection per object of the topology, or issues saying what is wrong with it.
 * @example topologyCollections(mca, '410800.topo.json').collections.map((c) => c.name) // ['district']
 */
export function topologyCollections(doc: Topology, file: string): { collections: { name: string; fc: FeatureCollection }[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const collections: { name: string; fc: FeatureCollection }[] = [];
  const objects = (doc as { objects?: unknown }).objects;
  if (!objects || typeof objects !== 'object' || !Array.isArray((doc as { arcs?: unknown }).arcs)) {
    issues.push(makeIssue('error', 'geojson-invalid', file, 'The TopoJSON has no "objects" or no "arcs"; it cannot be read.'));
    return { collections, issues };
  }
  for (const name of Object.keys(objects)) {
    try {
      const out = feature(doc, (objects as Topology['objects'])[name]!) as FeatureCollection | GeoJSON.Feature;
      const fc: FeatureCollection = out.type === 'FeatureCollection' ? out : { type: 'FeatureCollection', features: [out] };
      collections.push({ name, fc });
    } catch (e) {
      issues.push(makeIssue('error', 'geojson-invalid', file, `The TopoJSON object "${name}" could not be read (${(e as Error)?.message ?? String(e)}).`, { params: { object: name } }));
    }
  }
  if (!collections.length && !issues.length) issues.push(makeIssue('error', 'geojson-invalid', file, 'The TopoJSON holds no objects.'));
  return { collections, issues };
}
