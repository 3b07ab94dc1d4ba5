import { useRef, useState } from 'react';
import { downloadFile } from '../../app/export-actions';
import { openProjectFile, saveProject } from '../../app/project-actions';
import type { MessageKey } from '../../i18n/zh';
import { plural } from '../../i18n/plural';
import type { ProjectProblem } from '../../project/project-format';
import { PROJECT_EXTENSION } from '../../project/project-zip';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';
import '../edit/edit.css';

function problemText(p: ProjectProblem, t: ReturnType<typeof useT>): string {
  const key = `project.problem.${p.code}` as MessageKey;
  if (p.code === 'missing-ref') return t(key, { what: t(`project.what.${p.what}` as MessageKey), layer: p.layer });
  const { code: _code, ...params } = p as ProjectProblem & Record<string, string | number>;
  void _code;
  return t(key, params as Record<string, string | number>);
}

/** Save the workspace as one project file, or open one; what could not be kept or restored is listed. */
export function ProjectButtons() {
  const t = useT();
  const lang = useLang();
  const input = useRef<HTMLInputElement>(null);
  const report = useAtlas((s) => s.projectReport);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const { name, bytes, problems } = await saveProject(atlasStore);
      downloadFile({ name, data: bytes, mimeType: 'application/zip' });
      atlasStore.getState().setProjectReport({ file: name, opened: false, saved: true, layers: 0, problems });
    } catch (e) {
      // The worker writing a big layer can fail; nothing is downloaded and the planner is told why.
      atlasStore.getState().setProjectReport({ file: '', opened: false, layers: 0, problems: [], error: t('project.saveFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setSaving(false);
    }
  };
  const head =
    report &&
    (report.saved
      ? t('project.saved', { file: report.file })
      : report.opened
        ? plural(lang, 'project.opened', report.layers, { file: report.file })
        : report.error && !report.file
          ? report.error
          : `${t('project.failed', { file: report.file })}${report.error ? ` (${report.error})` : ''}`);
  return (
    <section className="project-buttons" aria-labelledby="project-title">
      <h3 id="project-title">{t('project.title')}</h3>
      <div className="button-row">
        <button type="button" disabled={saving} aria-busy={saving || undefined} onClick={() => void save()}>
          {t(saving ? 'project.saving' : 'project.save')}
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          {t('project.open')}
        </button>
        <input
          ref={input}
          type="file"
          accept={`${PROJECT_EXTENSION},.zip`}
          aria-label={t('project.picker')}
          data-testid="project-input"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openProjectFile(atlasStore, file);
          }}
        />
      </div>
      <p className="hint">{t('project.hint')}</p>
      {report && (
        <div className={report.problems.length || (!report.opened && !report.saved) ? 'warn' : 'hint'} role={report.problems.length || report.error ? 'alert' : 'status'} data-testid="project-report">
          <p>{head}</p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((p, i) => (
                <li key={i}>{problemText(p, t)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
