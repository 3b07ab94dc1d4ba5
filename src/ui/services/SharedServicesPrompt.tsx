import { useEffect, useId, useRef } from 'react';
import { addSharedServices, newHosts } from '../../app/shared-service-actions';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

/**
 * A shared link that names services on hosts this workspace has not contacted asks first: nothing is
 * requested from them until the planner adds the services here.
 */
export function SharedServicesPrompt() {
  const t = useT();
  const lang = useLang();
  const pending = useAtlas((s) => s.pendingServices);
  const titleId = useId();
  const bodyId = useId();
  const add = useRef<HTMLButtonElement>(null);
  const open = pending.length > 0;
  // An alert dialog takes the focus (keyboard and screen-reader users meet the question first) and gives it back.
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    add.current?.focus();
    return () => before?.focus();
  }, [open]);
  if (!open) return null;
  const hosts = newHosts(atlasStore.getState(), pending);
  return (
    <div className="notice shared-services" role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <strong id={titleId}>{t('svc.shared.title', { n: pending.length })}</strong>
      <ul>
        {pending.map((s, i) => (
          <li key={i}>{s.title[lang] || s.title.zh}</li>
        ))}
      </ul>
      <p id={bodyId}>{t('svc.shared.hosts', { hosts: hosts.join(lang === 'zh' ? '、' : ', ') })}</p>
      <button ref={add} type="button" onClick={() => addSharedServices(atlasStore, pending)}>
        {t('svc.shared.add')}
      </button>{' '}
      <button type="button" onClick={() => atlasStore.getState().setPendingServices([])}>
        {t('svc.shared.skip')}
      </button>
    </div>
  );
}
