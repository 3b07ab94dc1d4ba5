import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUrlState, encodeUrlState, type UrlState } from '../../../src/domain/url-state';
import { deepFreeze } from './fixtures';

const KNOWN = deepFreeze(new Set(['zone', 'villages', 'key-projects', 'ppp-parcels', 'a:b,c']));

describe('encodeUrlState', () => {
  it('writes the geojson.io-style hash', () => {
    const state: UrlState = deepFreeze({
      view: { center: [113.24, 35.16], zoom: 11.3 },
      layers: ['zone', 'villages'],
      selection: [{ layerId: 'villages', featureId: 'v 1' }, { layerId: 'key-projects', featureId: 'kp-guoan' }],
      zone: { type: 'draw', ring: [[113.2, 35.1], [113.3, 35.1], [113.3, 35.2], [113.2, 35.1]] },
      predicate: 'within',
      filter: { categories: ['industrial', 'service'], investmentYi: { min: 1, max: 5 }, standards: ['livable'], asOf: '2017-07-07' },
      mode: 'hide',
    });
    expect(encodeUrlState(state)).toBe(
      '#map=11.30/35.16000/113.24000&layers=zone,villages&sel=villages:v%201,key-projects:kp-guoan' +
        '&zone=draw:113.2,35.1;113.3,35.1;113.3,35.2&pred=within&f=cat=industrial,service;std=livable;inv=1-5;asof=2017-07-07&mode=hide',
    );
  });
  it('leaves out what is absent or empty, but keeps an empty layer list', () => {
    expect(encodeUrlState({ layers: [], selection: [], zone: null, filter: {} })).toBe('#layers=');
  });
});

describe('decodeUrlState', () => {
  it('reads a feature zone and escaped ids', () => {
    const { state, problems } = decodeUrlState('#zone=a%3Ab%2Cc:x%26y&sel=a%3Ab%2Cc:1', KNOWN);
    expect(problems).toEqual([]);
    expect(state).toEqual({ zone: { type: 'feature', layerId: 'a:b,c', featureId: 'x&y' }, selection: [{ layerId: 'a:b,c', featureId: '1' }] });
  });
  it('explains each part it ignores and keeps the rest', () => {
    const { state, problems } = decodeUrlState(
      'map=abc/35/113&layers=zone,foo,zone&sel=villages&zone=draw:1,2;3,4&pred=near&mode=x&f=cat=a;inv=5-1;ms=late;asof=2017-02-30;zz=1&what=1&map=1/2/3',
      KNOWN,
    );
    expect(problems).toEqual([
      'map: zoom "abc" is not a number',
      'layers: unknown layer "foo"',
      'layers: layer "zone" is listed twice',
      'sel: "villages" is not layerId:featureId',
      'zone: drawn zone needs at least 3 different points',
      'pred: "near" is not intersects or within',
      'mode: "x" is not dim or hide',
      'f: investment range "5-1" has min above max',
      'f: milestone state "late" is not done, due or overdue',
      'f: as-of date "2017-02-30" is not a valid YYYY-MM-DD date',
      'f: unknown filter criterion "zz"',
      'unknown part "what"',
      'map: appears more than once; only the first is used',
    ]);
    expect(state).toEqual({ layers: ['zone'], selection: [], filter: { categories: ['a'] } });
  });
  it('rejects out-of-range views', () => {
    expect(decodeUrlState('#map=11/95/113', KNOWN).problems).toEqual(['map: latitude 95 is out of range (-90 to 90)']);
    expect(decodeUrlState('#map=30/35/181', KNOWN).problems).toEqual([
      'map: zoom 30 is out of range (0 to 24)',
      'map: longitude 181 is out of range (-180 to 180)',
    ]);
    expect(decodeUrlState('#map=1e3/35/113', KNOWN).problems).toEqual(['map: zoom "1e3" is not a number']);
    expect(decodeUrlState('#map=11/35', KNOWN).problems).toEqual(['map: expected ZOOM/LAT/LON, got "11/35"']);
  });
  it('reports bad URL encoding', () => {
    expect(decodeUrlState('#sel=villages:%E0%A4%A', KNOWN).problems).toEqual(['sel: "%E0%A4%A" is not valid URL encoding']);
  });
  it('gives nothing for an empty hash', () => {
    expect(decodeUrlState('', KNOWN)).toEqual({ state: {}, problems: [] });
    expect(decodeUrlState('#', KNOWN)).toEqual({ state: {}, problems: [] });
  });
  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webFragments(), fc.stringMatching(/^(map|sel|zone|f|layers)=[-\d.,;:/%a-z=]*$/)), (s) => {
        const { problems } = decodeUrlState(s, KNOWN);
        expect(problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

const id = fc.string({ minLength: 1, maxLength: 8, unit: 'binary' });
const layerId = fc.constantFrom(...KNOWN);
const gridPoint = fc.tuple(fc.integer({ min: -18_000_000, max: 18_000_000 }), fc.integer({ min: -9_000_000, max: 9_000_000 }));
const values = fc.array(fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }), { minLength: 1, maxLength: 3 });
const yi = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1e4);

const urlState: fc.Arbitrary<UrlState> = fc.record({
  view: fc.record({
    center: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
    zoom: fc.double({ min: 0, max: 24, noNaN: true }),
  }),
  layers: fc.uniqueArray(layerId),
  selection: fc.array(fc.record({ layerId, featureId: id }), { maxLength: 4 }),
  zone: fc.oneof(
    fc.constant(null),
    fc.record({ type: fc.constant('feature' as const), layerId, featureId: id }),
    fc.record({
      type: fc.constant('draw' as const),
      ring: fc.uniqueArray(gridPoint, { minLength: 3, maxLength: 8, selector: (p) => p.join(',') }).map((pts) => pts.map(([x, y]) => [x / 1e5, y / 1e5] as [number, number])),
    }),
  ),
  predicate: fc.constantFrom('intersects' as const, 'within' as const),
  filter: fc.record(
    {
      categories: values,
      statuses: values,
      batches: values,
      standards: values,
      townTypes: values,
      kinds: values,
      milestoneStates: fc.subarray(['done', 'due', 'overdue'] as ('done' | 'due' | 'overdue')[], { minLength: 1 }),
      investmentYi: fc.oneof(fc.record({ min: yi }), fc.record({ max: yi }), fc.tuple(yi, yi).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))),
      asOf: fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    },
    { requiredKeys: [] },
  ),
  mode: fc.constantFrom('dim' as const, 'hide' as const),
});

describe('round trip', () => {
  it('decode(encode(state)) gives the state back, the view rounded to 2/5 decimals', () => {
    fc.assert(
      fc.property(urlState, (s) => {
        const { state, problems } = decodeUrlState(encodeUrlState(deepFreeze(s)), KNOWN);
        expect(problems).toEqual([]);
        const { view, ...rest } = state;
        expect(Math.abs(view!.zoom - s.view.zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(view!.center[0] - s.view.center[0])).toBeLessThanOrEqual(0.000005 + 1e-9);
        expect(Math.abs(view!.center[1] - s.view.center[1])).toBeLessThanOrEqual(0.000005 + 1e-9);
        const expected: Partial<UrlState> = { layers: s.layers, predicate: s.predicate, mode: s.mode };
        if (s.selection.length > 0) expected.selection = s.selection;
        if (s.zone) expected.zone = s.zone;
        if (Object.keys(s.filter).length > 0) expected.filter = s.filter;
        expect(rest).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('encodeUrlState with broken text', () => {
  it('does not throw on lone surrogates in ids', () => {
    expect(encodeUrlState({ selection: [{ layerId: 'villages', featureId: 'a\uD800' }] })).toBe('#sel=villages:a%EF%BF%BD');
  });
});
