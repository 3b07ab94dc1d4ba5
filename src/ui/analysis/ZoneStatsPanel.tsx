import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MultiPolygon, Polygon } from 'geojson';
import { zoneStatistics, zoneStatsToCsv, type StatsZone, type ZoneStatsRow } from '../../analysis/zone-stats';
import { downloadFile } from '../../app/export-actions';
import { suggestFileName } from '../../io/export/geojson';
import { formatArea, formatCount, formatMoney } from '../../domain/format';
import { zoneGeometry } from '../../state/filter-result';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import { Unknown } from '../Unknown';
import { WideView } from '../layout/WideView';
import { ZoneStatsChart } from './ZoneStatsChart';
import { isHeldElsewhere, useBigZoneStats } from './use-big-zone-stats';

const COUNTED = ['key-projects', 'villages', 'ppp-parcels', 'featured-towns', 'pollution-works'];
const CHART = [
  { layerId: 'key-projects', color: '#c92a2a' },
  { layerId: 'villages', color: '#2f9e44' },
];
type SortKey = 'name' | 'zoneAreaM2' | 'parcelAreaM2' | 'investmentCny' | 'investmentThisYearCny' | `count:${string}`;

function zonesOf(layerId: string, features: { id?: string | number; properties: Record<string, unknown> | null; geometry: unknown }[]): StatsZone[] {
  return features
    .filter((f) => (f.geometry as { type?: string })?.type === 'Polygon' || (f.geometry as { type?: string })?.type === 'MultiPolygon')
    .map((f) => ({
      id: `${layerId}:${String(f.id ?? f.properties?.id)}`,
      name_zh: String(f.properties?.name_zh ?? f.id),
      name_en: String(f.properties?.name_en ?? f.id),
      geometry: f.geometry as Polygon | MultiPolygon,
    }));
}

/** Counts, parcel area, investment and village split per township / functional area / drawn zone. */
export function ZoneStatsPanel() {
  const t = useT();
  const lang = useLang();
  const [group, setGroup] = useState<'townships' | 'functional-areas'>('townships');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const areaUnit = useAtlas((s) => s.areaUnit);
  const layers = useAtlas(useShallow((s) => orderedLayers(s)));
  const zone = useAtlas((s) => s.zone);
  const drawn = useMemo(() => (zone?.type === 'draw' ? zoneGeometry({ layers: {} }, zone) : null), [zone]);
  const zoneLayer = layers.find((l) => l.id === group);
  // Big layers are counted too, by the worker that holds them, and database layers by their server (their
  // cells fill in when it answers). Other vector tiles hold no features the atlas can count: left out.
  const counted = useMemo(() => layers.filter((l) => COUNTED.includes(l.id) || (l.origin === 'user' && !l.service && (!l.vectorTiles || l.vectorTiles.server))), [layers]);
  const zones = useMemo(() => {
    const list = zoneLayer ? zonesOf(group, zoneLayer.data.features as never) : [];
    if (drawn) list.push({ id: 'drawn', name_zh: '当前绘制范围', name_en: 'Current drawn zone', geometry: drawn });
    return list;
  }, [zoneLayer, group, drawn]);
  const zoneGeometries = useMemo(() => zones.map((z) => z.geometry), [zones]);
  const big = useBigZoneStats(counted, zoneGeometries);
  const rows = useMemo(() => {
    const out = zoneStatistics(zones, counted.filter((l) => !isHeldElsewhere(l)).map((l) => ({ layerId: l.id, features: l.data.features })));
    out.forEach((r, z) => {
      for (const [layerId, s] of Object.entries(big)) if (s) r.counts[layerId] = s.ids[z]!.length;
    });
    return out;
  }, [zones, counted, big]);
  const sorted = useMemo(() => {
    const val = (r: ZoneStatsRow): number | string => {
      if (sort.key === 'name') return lang === 'zh' ? r.name_zh : r.name_en;
      if (sort.key.startsWith('count:')) return r.counts[sort.key.slice(6)] ?? 0;
      // Unknown investments sort below every stated one.
      return r[sort.key as 'zoneAreaM2'] ?? -1;
    };
    return [...rows].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      return sort.dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN'));
    });
  }, [rows, sort, lang]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="th-btn" onClick={() => setSort({ key, dir: sort.key === key ? (-sort.dir as 1 | -1) : 1 })}>
        {label}
      </button>
    </th>
  );
  const exportCsv = () => {
    const titles = Object.fromEntries(counted.map((l) => [l.id, l.title]));
    const csv = '\uFEFF' + zoneStatsToCsv(sorted, titles, lang);
    downloadFile({ name: suggestFileName(lang === 'zh' ? '分区统计' : 'zone-statistics', new Date(), 'csv'), data: csv, mimeType: 'text/csv;charset=utf-8' });
  };
  return (
    <section className="group" aria-labelledby="stats-title">
      <h3 id="stats-title">{t('stats.title')}</h3>
      <div role="radiogroup" aria-label={t('stats.zones')} className="radio-row">
        {(['townships', 'functional-areas'] as const).map((g) => (
          <label key={g}>
            <input type="radio" name="stats-group" checked={group === g} onChange={() => setGroup(g)} />
            {t(g === 'townships' ? 'stats.townships' : 'stats.functional')}
          </label>
        ))}
      </div>
      <WideView title={t('stats.title')}>
        <table className="mini-table stats-table" aria-label={t('stats.title')}>
          <thead>
            <tr>
              {header('name', t('stats.zone'))}
              {header('zoneAreaM2', t('stats.zoneArea'))}
              {counted.map((l) => header(`count:${l.id}`, l.title[lang]))}
              {header('parcelAreaM2', t('stats.parcelArea'))}
              {header('investmentCny', t('stats.investment'))}
              {header('investmentThisYearCny', t('stats.investmentYear', { year: 2017 }))}
              <th scope="col">
                {t('stats.livable')} / {t('stats.beautiful')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const zone = lang === 'zh' ? r.name_zh : r.name_en;
              return (
                <tr key={r.zoneId} data-zone-id={r.zoneId}>
                  <th scope="row">{zone}</th>
                  <td className="num">{formatArea(r.zoneAreaM2, areaUnit, lang)}</td>
                  {counted.map((l) => {
                    // A big layer's cell holds the worker's positions, once it has answered.
                    const hits: ArrayLike<number | string> | undefined = isHeldElsewhere(l) ? big[l.id]?.ids[zones.findIndex((x) => x.id === r.zoneId)] : (r.featureIds[l.id] ?? []);
                    if (!hits)
                      return (
                        <td key={l.id} className="num" aria-busy="true">
                          …
                        </td>
                      );
                    // A database layer's features are not in the page to select yet: its count is a figure only.
                    if (l.vectorTiles?.server)
                      return (
                        <td key={l.id} className="num">
                          {formatCount(hits.length, lang)}
                        </td>
                      );
                    return (
                      <td key={l.id} className="num">
                        <button
                          type="button"
                          className="link-btn"
                          disabled={hits.length === 0}
                          aria-label={t('stats.selectCell', { layer: l.title[lang], zone, n: hits.length })}
                          onClick={() => atlasStore.getState().setSelection(Array.from(hits, (id: number | string) => ({ layerId: l.id, featureId: String(id) })))}
                        >
                          {formatCount(hits.length, lang)}
                        </button>
                      </td>
                    );
                  })}
                  <td className="num">{formatArea(r.parcelAreaM2, areaUnit, lang)}</td>
                  <td className="num">{r.investmentCny === null ? <Unknown /> : formatMoney(r.investmentCny, lang)}</td>
                  <td className="num">{r.investmentThisYearCny === null ? <Unknown /> : formatMoney(r.investmentThisYearCny, lang)}</td>
                  <td className="num">
                    {r.villages.livable} / {r.villages.beautiful}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideView>
      <ZoneStatsChart
        rows={sorted}
        lang={lang}
        label={t('stats.chart')}
        series={CHART.map((c) => ({ ...c, label: layers.find((l) => l.id === c.layerId)?.title[lang] ?? c.layerId }))}
      />
      <button type="button" onClick={exportCsv}>
        {t('stats.csv')}
      </button>
    </section>
  );
}
