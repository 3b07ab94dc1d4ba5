import { describe, expect, it } from 'vitest';
import { parseCoordinateList } from '../../../src/domain/coordinate-list';

describe('parseCoordinateList', () => {
  it('reads pairs separated by lines, semicolons and full-width punctuation', () => {
    expect(parseCoordinateList('113.2,35.1\n113.3, 35.1；113.3，35.2')).toEqual({ points: [[113.2, 35.1], [113.3, 35.1], [113.3, 35.2]] });
  });
  it('names the first bad point', () => {
    expect(parseCoordinateList('113.2,35.1; abc; 1,2')).toEqual({ bad: { n: 2, text: 'abc' } });
    expect(parseCoordinateList('200,35')).toEqual({ bad: { n: 1, text: '200,35' } });
    expect(parseCoordinateList('113 35 1')).toEqual({ bad: { n: 1, text: '113 35 1' } });
  });
});
