import type { MessageKey } from '../../i18n/zh';
import { useT } from '../use-t';

/** Why a service could not be read, with its URL (the WMS, WMTS and OGC API forms say it alike). */
export function ServiceProblem({ url, problem }: { url: string; problem: { problem: string } }) {
  const t = useT();
  return (
    <p className="warn" role="alert">
      {t('svc.wms.failed', { url })} {t(`svc.fetch.${problem.problem}` as MessageKey, problem as unknown as Record<string, string | number>)}
    </p>
  );
}
