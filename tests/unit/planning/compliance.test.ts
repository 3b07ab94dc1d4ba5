import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  checkCompliance, checkLayer, controlsFromLayers, type ComplianceControls, type ComplianceResult, type ComplianceSubject,
} from '../../../src/analysis/compliance';
import { landUseClass } from '../../../src/domain/landuse-palette';
import { bundled, FIXTURES, geographicLibArea, readCollection } from './helpers';

const DIR = join(FIXTURES, 'check-compliance');
const X = 113.2;
const Y = 35.15;
/** Fixture expectations give rings in offsets of 1e-3 degrees from (113.2, 35.15), like the generator did. */
const ringAt = (offsets: number[][]): Position[] => offsets.map(([x, y]) => [Number((X + x! / 1000).toFixed(6)), Number((Y + y! / 1000).toFixed(6))]);
type Expected = number[][][][] | 'point' | 'line' | undefined;
const expectedArea = (polys: number[][][][]) => geographicLibArea(polys.map((rings) => rings.map(ringAt)));
/** Relative tolerance of area comparisons: measured agreement is ~1e-10; a collinear vertex in turf output could change it by ~1e-6. */
const REL = 1e-8;

function load(name: string): { controls: ComplianceControls; subjects: Feature[]; all: readonly Feature[] } {
  const all = readCollection(join(DIR, 'in', name)).features;
  const role = (r: string) => all.filter((f) => f.properties?.role === r);
  return {
    controls: { farmland: role('farmland'), redLine: role('redLine'), cultivated: role('cultivated'), boundary: role('boundary') },
    subjects: role('subject'),
    all,
  };
}

const files = readdirSync(join(DIR, 'in')).filter((f) => f.endsWith('.geojson'));

describe('checkCompliance on fixtures (areas against GeographicLib on hand-computed intersections)', () => {
  for (const file of files) {
    const { controls, subjects } = load(file);
    for (const subject of subjects) {
      const exp = subject.properties!.expect as Record<string, unknown>;
      it(`${file} ${subject.id}: overlaps match the hand-computed polygons`, () => {
        const r = checkCompliance(subject as ComplianceSubject, controls);
        for (const layer of ['farmland', 'redLine', 'cultivated'] as const) {
          const want = exp[layer] as Expected;
          const got = r[layer];
          if (want === 'point' || want === 'line') {
            expect([got.overlaps, got.areaM2, got.pieces.length]).toEqual([true, 0, 0]);
          } else if (want && want.length) {
            expect(got.overlaps).toBe(true);
            expect(got.touching).toBe(false);
            expect(got.areaM2).toBeGreaterThan(0);
            expect(Math.abs(got.areaM2 - expectedArea(want)) / expectedArea(want)).toBeLessThan(REL);
            expect(got.share).toBeCloseTo((got.areaM2 / r.subjectAreaM2) * 100, 9);
          } else {
            expect({ overlaps: got.overlaps, touching: got.touching, areaM2: got.areaM2 })
              .toEqual({ overlaps: false, touching: (exp[`${layer}Touching`] as boolean | undefined) ?? false, areaM2: 0 });
          }
        }
      });

      it(`${file} ${subject.id}: boundary status ${String(exp.status)}`, () => {
        const r = checkCompliance(subject as ComplianceSubject, controls);
        expect(r.boundary.status).toBe(exp.status);
        const outside = exp.outside as number[][][][] | undefined;
        if (outside?.length) expect(Math.abs(r.boundary.outsideAreaM2 - expectedArea(outside)) / expectedArea(outside)).toBeLessThan(REL);
        if (exp.status === 'inside') expect([r.boundary.outsideAreaM2, r.boundary.outsidePieces.length]).toEqual([0, 0]);
      });
    }

    it(`${file}: matches its golden output (UPDATE=1 rewrites; areas to 0.01 m², coordinates to 1e-9°)`, () => {
      const golden = goldenOf(load(file));
      const out = join(DIR, 'out', file);
      if (process.env.UPDATE || !existsSync(out)) writeFileSync(out, `${JSON.stringify(golden, null, 1)}\n`);
      expect(golden).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});

const COLOURS = { farmland: '#e6b800', redLine: '#d00000', cultivated: '#a6761d', outside: '#7b2cbf' } as const;
const round = (v: number, d: number) => Number(v.toFixed(d)) + 0; // + 0 turns -0 into 0
const roundCoords = (g: unknown): unknown => (Array.isArray(g) ? g.map(roundCoords) : typeof g === 'number' ? round(g, 9) : g);

/** Controls as given, each subject with its figures, and the pieces found, coloured by layer. */
function goldenOf({ subjects, controls, all }: ReturnType<typeof load>) {
  const features: unknown[] = all.filter((f) => f.properties?.role !== 'subject').map((f) => ({ ...f, properties: { ...f.properties } }));
  for (const s of subjects) {
    const r: ComplianceResult = checkCompliance(s as ComplianceSubject, controls);
    const sum = (o: ComplianceResult['farmland']) => ({ overlaps: o.overlaps, touching: o.touching, area_m2: round(o.areaM2, 2), controls: o.controlIds });
    features.push({
      type: 'Feature', id: s.id,
      properties: {
        id: s.id, role: 'subject', area_m2: round(r.subjectAreaM2, 2), farmland: sum(r.farmland), red_line: sum(r.redLine),
        cultivated: sum(r.cultivated), boundary: r.boundary.status, outside_m2: round(r.boundary.outsideAreaM2, 2),
        ok: r.verdict.ok, rules: r.verdict.rules, text_zh: r.verdict.text_zh, text_en: r.verdict.text_en,
        stroke: r.verdict.ok ? '#1a9850' : '#d73027', fill: r.verdict.ok ? '#1a9850' : '#d73027', 'marker-color': r.verdict.ok ? '#1a9850' : '#d73027',
      },
      geometry: s.geometry,
    });
    const pieces = [
      ...(['farmland', 'redLine', 'cultivated'] as const).flatMap((k) => r[k].pieces.map((p) => ({ p, kind: k }))),
      ...r.boundary.outsidePieces.map((p) => ({ p, kind: 'outside' as const })),
    ];
    for (const { p, kind } of pieces) {
      features.push({
        type: 'Feature',
        properties: { role: 'piece', subject: s.id, kind, control: p.properties?.control_id ?? null, area_m2: round((p.properties?.area_m2 as number | undefined) ?? 0, 2), fill: COLOURS[kind], stroke: COLOURS[kind], 'fill-opacity': 0.7 },
        geometry: { type: p.geometry.type, coordinates: roundCoords(p.geometry.coordinates) },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

describe('slivers and options', () => {
  const { controls, subjects } = load('slivers.geojson');
  const half = subjects.find((s) => s.id === 's-half-square-metre') as ComplianceSubject;

  it('reports a 0.5 m² overlap as touching, with the default 1 m² tolerance', () => {
    const r = checkCompliance(half, controls);
    expect({ overlaps: r.farmland.overlaps, touching: r.farmland.touching, ok: r.verdict.ok }).toEqual({ overlaps: false, touching: true, ok: true });
  });

  it('reports the same 0.5 m² (GeographicLib: 0.506) as an overlap when the tolerance is 0.1 m²', () => {
    const r = checkCompliance(half, controls, { slivers: 0.1 });
    const want = expectedArea([[[[9.995, 9.99], [10, 9.99], [10, 10], [9.995, 10]]]]);
    expect(want).toBeGreaterThan(0.45);
    expect(want).toBeLessThan(0.55);
    expect(r.farmland.overlaps).toBe(true);
    expect(r.farmland.areaM2).toBeCloseTo(want, 3);
  });
});

describe('verdicts', () => {
  it('names every broken rule in both languages, with areas in ha and 亩', () => {
    const { controls, subjects } = load('holes.geojson');
    const r = checkCompliance(subjects.find((s) => s.id === 's-ring-corner') as ComplianceSubject, controls);
    expect(r.verdict.rules).toEqual(['permanent_basic_farmland']);
    expect(r.verdict.text_zh).toMatch(/^占用永久基本农田 [\d.]+ 公顷（[\d.,]+ 亩）$/);
    expect(r.verdict.text_en).toMatch(/^Overlaps permanent basic farmland by [\d.]+ ha \([\d.,]+ mu\)$/);
    expect(r.farmland.areaMu).toBeCloseTo(r.farmland.areaM2 / (10000 / 15), 9);
  });

  it('says a compliant subject is clear', () => {
    const { controls, subjects } = load('holes.geojson');
    const r = checkCompliance(subjects.find((s) => s.id === 's-in-hole') as ComplianceSubject, controls);
    expect(r.verdict).toMatchObject({ ok: true, rules: [] });
    expect(r.verdict.text_zh).toContain('位于城镇开发边界内');
  });
});

describe('bundled geodata: the findings listed in geodata/README.md', () => {
  const controls = controlsFromLayers(bundled('control-lines'), bundled('landuse-current'));
  let table: Map<string, ComplianceResult> | undefined;
  const results = () =>
    (table ??= new Map(['ppp-parcels', 'featured-towns', 'key-projects', 'villages'].flatMap((l) => checkLayer(bundled(l), controls)).map((r) => [r.id, r.result!])));
  const rows = { get: (id: string) => results().get(id), [Symbol.iterator]: () => results()[Symbol.iterator]() };

  it('builds the controls from the bundled layers', () => {
    expect(controls.boundary.map((f) => f.id)).toEqual(['cl-udb']);
    expect(controls.redLine.map((f) => f.id)).toEqual(['cl-eco-dasha']);
    expect(controls.farmland.map((f) => f.id)).toEqual(['cl-pbf-01', 'cl-pbf-02', 'cl-pbf-03', 'cl-pbf-04']);
    expect(controls.cultivated.length).toBeGreaterThan(0);
    expect(controls.cultivated.every((f) => landUseClass(f.properties?.YDYHFLDM)?.code.startsWith('01'))).toBe(true);
  });

  it('pp-resettle-d straddles cl-udb and overlaps permanent farmland cl-pbf-04', () => {
    const r = rows.get('pp-resettle-d')!;
    expect(r.boundary.status).toBe('partly');
    expect(r.farmland).toMatchObject({ overlaps: true, controlIds: ['cl-pbf-04'] });
    expect(r.verdict.rules).toEqual(expect.arrayContaining(['permanent_basic_farmland', 'urban_development_boundary']));
  });

  it('pp-binhe overlaps the red line cl-eco-dasha and lies partly outside cl-udb', () => {
    const r = rows.get('pp-binhe')!;
    expect(r.redLine).toMatchObject({ overlaps: true, controlIds: ['cl-eco-dasha'] });
    expect(r.boundary.status).toBe('partly');
  });

  it('ft-longfeng overlaps permanent farmland cl-pbf-01', () => {
    expect(rows.get('ft-longfeng')!.farmland).toMatchObject({ overlaps: true, controlIds: ['cl-pbf-01'] });
  });

  it('kp-greenland-north-bank lies in the red line and outside cl-udb', () => {
    const r = rows.get('kp-greenland-north-bank')!;
    expect([r.redLine.overlaps, r.redLine.areaM2, r.boundary.status]).toEqual([true, 0, 'outside']);
  });

  it('kp-mingren-health lies outside cl-udb', () => {
    expect(rows.get('kp-mingren-health')!.boundary.status).toBe('outside');
  });

  it('no other parcel, town, project or village meets permanent farmland or the red line', () => {
    const expected = new Set(['pp-resettle-d:farmland', 'pp-binhe:redLine', 'ft-longfeng:farmland', 'kp-greenland-north-bank:redLine']);
    const met = [...rows].flatMap(([id, r]) => (['farmland', 'redLine'] as const).filter((k) => r[k].overlaps || r[k].touching).map((k) => `${id}:${k}`));
    expect(new Set(met)).toEqual(expected);
  });

  it('every other parcel and project lies inside cl-udb (towns and villages lie in the countryside on purpose)', () => {
    const outside = [...rows].filter(([id, r]) => /^(pp|kp)-/.test(id) && r.boundary.status !== 'inside').map(([id]) => id).sort();
    expect(outside).toEqual(['kp-greenland-north-bank', 'kp-mingren-health', 'pp-binhe', 'pp-resettle-d']);
  });

  it('checkLayer gives one row per feature, in order, with ids and names', () => {
    const parcels = bundled('ppp-parcels');
    const table = checkLayer(parcels, controls);
    expect(table.map((r) => r.id)).toEqual(parcels.map((f) => f.id));
    expect(table.every((r) => r.name_zh && r.name_en && r.result)).toBe(true);
  });
});
