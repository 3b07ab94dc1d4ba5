import { formatCount } from '../../domain/format';
import { useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

/** A service layer's trouble this session: how many of its tiles failed, and why the last one did. */
export function ServiceStatus({ layerId }: { layerId: string }) {
  const t = useT();
  const lang = useLang();
  const failed = useAtlas((s) => s.serviceFailures[layerId]);
  if (!failed) return null;
  return (
    <p className="warn layer-user-row" role="status">
      {t('svc.status.failed', { n: formatCount(failed.n, lang), reason: failed.reason })}
    </p>
  );
}
