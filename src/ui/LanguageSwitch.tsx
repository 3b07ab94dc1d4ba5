import { atlasStore } from '../state/store';
import type { Lang } from '../i18n/translate';
import { useLang, useT } from './use-t';

const NAMES: Record<Lang, string> = { zh: '中文', en: 'English' };

/** Switches the UI language and keeps `?lang=` in the address so a shared link opens in the same language. */
export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  const choose = (l: Lang) => {
    atlasStore.getState().setLang(l);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', l);
    window.history.replaceState(null, '', url);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  };
  return (
    <div role="radiogroup" aria-label={t('app.language')} className="lang-switch">
      {(Object.keys(NAMES) as Lang[]).map((l) => (
        <button key={l} type="button" role="radio" aria-checked={lang === l} lang={l === 'zh' ? 'zh-CN' : 'en'} onClick={() => choose(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
