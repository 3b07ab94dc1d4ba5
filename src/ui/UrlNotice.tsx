import { useAtlas, atlasStore } from '../state/store';
import { useLang, useT } from './use-t';
import { urlProblemText } from '../i18n/url-problem-text';

/** Tells the user which parts of a shared link were ignored (and why) instead of failing silently. */
export function UrlNotice() {
  const t = useT();
  const lang = useLang();
  const problems = useAtlas((s) => s.urlProblems);
  if (problems.length === 0) return null;
  return (
    <div className="notice" role="status">
      <strong>{t('url.ignored')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p}>{urlProblemText(p, lang)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => atlasStore.getState().setUrlProblems([])}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
