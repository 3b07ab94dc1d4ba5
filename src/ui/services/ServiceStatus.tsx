import { formatCount } from '../../domain/format';
import { useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

/** A service layer's trouble this session: how many of its tiles failed and why the last one did; a database layer's filter that failed. */
export function ServiceStatus({ layerId }: { layerId: string }) {
  const t = useT();
  const lang = useLang();
  const failed = useAtlas((s) => s.serviceFailures[layerId]);
  const filter = useAtlas((s) => s.serverFilterProblems[layerId]);
  if (!failed && !filter) return null;
  return (
    <>
      {failed && (
        <p className="warn layer-user-row" role="status">
          {t('svc.status.failed', { n: formatCount(failed.n, lang), reason: failed.reason })}
        </p>
      )}
      {filter && (
        <p className="warn layer-user-row" role="status">
          {filter === 'expression' ? t('svc.db.expression') : filter.startsWith('unsupported:') ? t('svc.db.unsupported') : t('svc.db.failed', { reason: filter.replace(/^failed:/, '') })}
        </p>
      )}
    </>
  );
}
