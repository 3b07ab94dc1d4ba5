import type { LayerStyle } from './styles';

/** A feature's own look from its layer's style: the class colour of a categorised layer, else the layer's. */
export interface FeatureLook {
  /** #rrggbb */
  color: string;
  /** 0 for layers drawn as outlines. */
  fillOpacity: number;
  lineWidth: number;
}

/**
 * The colour, fill and line width the map gives a feature of a layer with `style`.
 * @example featureLook(BUNDLED_STYLES['villages'], { standard: 'beautiful' }) // { color: '#e64980', fillOpacity: 0.4, lineWidth: 2 }
 */
export function featureLook(style: LayerStyle, props: Record<string, unknown> | null | undefined): FeatureLook {
  const c = style.categorical;
  const value = c ? props?.[c.field] : undefined;
  const cls = c && value !== undefined && value !== null ? c.classes.find((k) => k.value === String(value)) : undefined;
  return {
    color: cls?.color ?? style.color,
    fillOpacity: style.outlineOnly ? 0 : (style.fillOpacity ?? 0.4),
    lineWidth: style.lineWidth ?? 2,
  };
}
