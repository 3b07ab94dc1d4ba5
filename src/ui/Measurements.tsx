import type { Feature } from 'geojson';

/** Area and perimeter or length of the inspected feature (filled in by the analysis module). */
export function Measurements(_props: { feature: Feature }) {
  return null;
}
