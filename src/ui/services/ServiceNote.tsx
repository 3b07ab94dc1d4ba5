import { needsTiandituKey, offsetBasemapHost, templateHost, type TileService } from '../../services/tile-service';
import { useT } from '../use-t';

/** A service layer's source host and attribution in the layer list, its WMS legend (GetLegendGraphic), and the GCJ-02 warning where it applies. */
export function ServiceNote({ service, title, sourceFile }: { service: TileService; title: string; sourceFile?: string | undefined }) {
  const t = useT();
  const host = sourceFile ?? templateHost(service.template);
  const gcj = offsetBasemapHost(service.template);
  return (
    <div className="layer-user-row service-note">
      <p className="hint">
        {t('svc.source', { host })}
        {service.attribution && ` · ${service.attribution}`}
        {needsTiandituKey(service.template) && ` · ${t('svc.needsKey')}`}
      </p>
      {gcj && <p className="warn">{t('svc.gcj', { host: gcj })}</p>}
      {service.wms?.legendUrl && <img className="service-legend" src={service.wms.legendUrl} alt={t('svc.legend', { layer: title })} />}
    </div>
  );
}
