/**
 * The load rows of `npm run bench`: the parcels' file to "data ready", against bare JSON.parse of the same
 * bytes in the same run. A file past V8's longest string (1 000 000 parcels) has no bare JSON.parse of the
 * whole; its floor is JSON.parse of the same 16 MB batches the import cuts, and the trusted path (text from
 * fetch) does not exist for it.
 */
import { buildFeatureIndex } from '../../src/analysis/feature-index';
import { importGeoJson } from '../../src/io/import/geojson';
import { BATCH_BYTES, BATCHED_FROM_BYTES, parseInBatches } from '../../src/io/import/geojson-batches';
import { parseBundledText } from '../../src/io/load-bundled';
import type { Measure } from './report';
import { collectGarbage, timeRounds } from './stats';

export function loadMeasures(bytes: Uint8Array, text: string | undefined, count: number): Measure[] {
  const mb = (bytes.length / 1e6).toFixed(0);
  const validatedRun = () => {
    const r = importGeoJson({ name: 'parcels.geojson', bytes });
    const layer = r.layers[0];
    return { count: layer ? buildFeatureIndex(layer.features).count : 0, issues: r.issues };
  };
  const validatedRow = (validated: { timing: Measure['ours']; result: ReturnType<typeof validatedRun> }, baselines: Measure['baselines']): Measure => ({
    id: 'load-validated',
    title: `load ${mb} MB to "data ready", validated import: decode + parse + validate/repair + index build`,
    ours: validated.timing,
    oursNote: `importGeoJson({ name, bytes }) (UTF-8/GBK decoding, ${bytes.length >= BATCHED_FROM_BYTES ? `parsed in ${BATCH_BYTES / 1048576} MB batches, ` : ''}CRS check, per-feature validation, ring self-intersection check, id allocation) + buildFeatureIndex`,
    baselines,
    checks: [
      {
        text: `${validated.result.count} features indexed, ${validated.result.issues.filter((i) => i.severity === 'error').length} errors, ${validated.result.issues.length} issues`,
        ok: validated.result.count === count,
      },
    ],
  });

  if (text === undefined) {
    const [floor, validated] = timeRounds([() => parseInBatches(bytes), validatedRun] as const, { rounds: 3, before: collectGarbage });
    return [
      validatedRow(validated, [
        { name: `JSON.parse of the same bytes in ${BATCH_BYTES / 1048576} MB batches (the file is past V8's longest string: no whole-text parse exists)`, timing: floor.timing, kind: 'cost', goal: 1.5 },
      ]),
    ];
  }
  // The validated import starts from the file's bytes, as a dropped file does; its peer is what a bare
  // `JSON.parse(await file.text())` does with the same bytes: decode, then parse. The trusted path gets
  // text (fetch's response.text()), as the bare JSON.parse of the text does.
  const [bare, bareFile, trusted, validated] = timeRounds(
    [
      () => JSON.parse(text) as unknown,
      () => JSON.parse(new TextDecoder().decode(bytes)) as unknown,
      () => {
        const r = parseBundledText('parcels.geojson', text);
        if (!r.ok) throw new Error(r.problem);
        return buildFeatureIndex(r.data.features).count;
      },
      validatedRun,
    ] as const,
    { rounds: 7, before: collectGarbage },
  );
  return [
    {
      id: 'load-trusted',
      title: `load ${mb} MB to "data ready", trusted path: JSON.parse + shape check + index build`,
      ours: trusted.timing,
      oursNote: 'parseBundledText, the core of loadBundledFile (JSON.parse, FeatureCollection shape check) + buildFeatureIndex',
      baselines: [{ name: 'bare JSON.parse of the text', timing: bare.timing, kind: 'cost', goal: 1.5 }],
      checks: [{ text: `${trusted.result} features indexed`, ok: trusted.result === count }],
    },
    validatedRow(validated, [
      { name: 'bare JSON.parse of the file: UTF-8 decode of the same bytes + JSON.parse', timing: bareFile.timing, kind: 'cost', goal: 1.5 },
      { name: 'JSON.parse of the already decoded text', timing: bare.timing, kind: 'cost' },
    ]),
  ];
}
