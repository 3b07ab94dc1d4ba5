import { atlasStore, useAtlas } from '../state/store';
import { loadProblemText } from '../i18n/load-problem-text';
import { useLang, useT } from './use-t';

/** Names each data file that failed to load and why, instead of leaving the map blank. */
export function LoadProblems() {
  const t = useT();
  const lang = useLang();
  const problems = useAtlas((s) => s.loadProblems);
  if (problems.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <strong>{t('app.loadFailed')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p.file}>{t('app.loadFailedFile', { file: p.file, problem: loadProblemText(p, lang) })}</li>
        ))}
      </ul>
      <button type="button" onClick={() => atlasStore.getState().dismissLoadProblems()}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
