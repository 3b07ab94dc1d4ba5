import { describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import { annotationKind, arrowHead } from '../../../src/edit/annotations';
import { withFid } from '../../../src/map/fid';

describe('review markup', () => {
  it('an arrow gets a head at its end, a fifth of the last segment long, drawn but never stored', () => {
    const line = { type: 'LineString' as const, coordinates: [[113.2, 35.1], [113.201, 35.101]] };
    const head = arrowHead(line)!;
    expect(head.coordinates[0]![0]).toEqual([113.201, 35.101]);
    const seg = Geodesic.WGS84.Inverse(35.1, 113.2, 35.101, 113.201).s12!;
    const [, left, right] = head.coordinates[0]!;
    const mid = [(left![0]! + right![0]!) / 2, (left![1]! + right![1]!) / 2];
    const length = Geodesic.WGS84.Inverse(mid[1]!, mid[0]!, 35.101, 113.201).s12!;
    expect(length / (seg / 5)).toBeCloseTo(1, 1);
    const data = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, id: 'a', properties: { KIND: 'arrow' }, geometry: line }] };
    const drawn = withFid(data);
    expect(drawn.features).toHaveLength(2);
    expect(drawn.features[1]!.properties).toMatchObject({ __arrowhead: true, __fid: 'a' });
    expect(data.features).toHaveLength(1);
  });

  it('knows a note from an arrow from a shape', () => {
    expect(annotationKind({ type: 'Point', coordinates: [0, 0] })).toBe('note');
    expect(annotationKind({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBe('arrow');
    expect(annotationKind({ type: 'Polygon', coordinates: [] })).toBe('shape');
  });
});
