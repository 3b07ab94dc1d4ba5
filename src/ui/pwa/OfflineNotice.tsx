import { useState, useSyncExternalStore } from 'react';
import { getOfflineStatus, subscribeOfflineStatus } from '../../pwa/offline-status';
import { useT } from '../use-t';
import './offline-notice.css';

/**
 * Says when the app has become usable offline (announced, not shown: it needs no action) and when a newer
 * build has taken over, with a reload button, since the open page still runs the older code.
 */
export function OfflineNotice() {
  const t = useT();
  const status = useSyncExternalStore(subscribeOfflineStatus, getOfflineStatus);
  const [dismissed, setDismissed] = useState(false);
  return (
    <>
      <p className="visually-hidden" role="status">
        {status === 'ready' ? t('offline.ready') : ''}
      </p>
      {status === 'updated' && !dismissed && (
        <div className="offline-notice" role="status">
          <span>{t('offline.updated')}</span>
          <button type="button" onClick={() => window.location.reload()}>
            {t('offline.reload')}
          </button>
          <button type="button" onClick={() => setDismissed(true)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
