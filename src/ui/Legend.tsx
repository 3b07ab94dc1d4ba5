import type { LayerEntry } from '../state/layers-slice';
import { plural } from '../i18n/plural';
import { useLang, useT } from './use-t';

function Swatch({ color, geometry }: { color: string; geometry: LayerEntry['geometry'] }) {
  const shape = geometry === 'point' ? 'swatch swatch-point' : geometry === 'line' ? 'swatch swatch-line' : 'swatch';
  return <span className={shape} style={{ background: color }} aria-hidden="true" />;
}

/** What each colour of a layer means: its categories, or its single colour. */
export function Legend({ layer }: { layer: LayerEntry }) {
  const lang = useLang();
  const t = useT();
  const title = layer.title[lang];
  const classes = layer.style.categorical?.classes;
  return (
    <ul className="legend" aria-label={t('layers.legend', { layer: title })}>
      {classes && classes.length > 0 ? (
        classes.map((c) => (
          <li key={c.value}>
            <Swatch color={c.color} geometry={layer.geometry} />
            {c.label[lang]}
          </li>
        ))
      ) : (
        <li>
          <Swatch color={layer.style.color} geometry={layer.geometry} />
          {title}
        </li>
      )}
      {(layer.style.categorical?.others ?? 0) > 0 && (
        <li className="legend-others">
          <Swatch color={layer.style.color} geometry={layer.geometry} />
          {plural(lang, 'layers.otherValues', layer.style.categorical!.others!)}
        </li>
      )}
      {layer.remote && (
        <li className="legend-density">
          <span className="swatch" style={{ background: `linear-gradient(90deg, ${layer.style.color}26, ${layer.style.color})` }} aria-hidden="true" />
          {t('layers.densityLegend')}
        </li>
      )}
      {layer.landUse && layer.style === layer.landUse.style && layer.landUse.unknown.map((u) => (
        <li key={`${u.code}|${u.name}`} className="unknown-code">
          <Swatch color="#bdbdbd" geometry={layer.geometry} />
          {t('landuse.unknown', { code: u.code || '—', name: u.name || '—', n: u.count })}
        </li>
      ))}
    </ul>
  );
}
