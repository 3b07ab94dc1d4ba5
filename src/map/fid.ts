/** Property carrying each feature's stable id into MapLibre (feature-state needs a promoted id). */
export const FID = '__fid';
