import { issueText } from '../../i18n/issue-text';
import { ISSUE_TITLES } from '../../i18n/issues';
import type { ImportIssue } from '../../io/types';
import { useLang, useT } from '../use-t';

/** What the written file could not hold as it was (renamed layers, skipped features, re-encoded text), after the download. */
export function ExportNotes({ done, issues, onClose }: { done: string; issues: ImportIssue[]; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p role="status">{done}</p>
      <h3>{t('export.notes')}</h3>
      <ul className="export-notes" aria-label={t('export.notes')}>
        {issues.map((i, k) => (
          <li key={k} className={i.severity === 'warning' ? 'warn' : undefined}>
            <strong>{ISSUE_TITLES[i.code]?.[lang] ?? i.code}</strong>: {issueText(i, lang)}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
    </>
  );
}
