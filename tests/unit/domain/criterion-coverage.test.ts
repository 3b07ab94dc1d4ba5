import { describe, expect, it } from 'vitest';
import { criterionCoverage, layersAddressed } from '../../../src/domain/criterion-coverage';

const LAYERS = [
  { layerId: 'key-projects', fields: new Set(['category', 'investment_cny', 'batch']) },
  { layerId: 'villages', fields: new Set(['standard', 'township_id']) },
  { layerId: 'ppp-parcels', fields: new Set(['kind', 'status_en', 'investment_cny', 'milestones']) },
  { layerId: 'pollution-works', fields: new Set(['kind']) },
];

describe('criterion coverage', () => {
  it('names the layers each active criterion applies to', () => {
    expect(criterionCoverage({ standards: ['beautiful'], investmentYi: { min: 1 }, kinds: ['ppp'] }, LAYERS)).toEqual({
      standards: ['villages'],
      kinds: ['ppp-parcels', 'pollution-works'],
      investmentYi: ['key-projects', 'ppp-parcels'],
    });
  });

  it('ignores empty criteria and open ranges', () => {
    expect(criterionCoverage({ standards: [], investmentYi: {} }, LAYERS)).toEqual({});
    expect(layersAddressed({ standards: [], investmentYi: {} }, LAYERS)).toBeNull();
  });

  it('a village facet addresses the villages only', () => {
    expect([...layersAddressed({ standards: ['beautiful'] }, LAYERS)!]).toEqual(['villages']);
  });

  it('a criterion no layer holds addresses no layer', () => {
    expect([...layersAddressed({ townTypes: ['tourism'] }, LAYERS)!]).toEqual([]);
  });
});
