import { useShallow } from 'zustand/react/shallow';
import { orderedLayers } from '../state/selectors';
import { useAtlas } from '../state/store';
import { useLang, useT } from './use-t';

/**
 * Says which big layers a panel leaves out. Their features live in the import worker, which answers
 * zone filters, sorting, tiles and export; a panel that reads features on the page would count none of
 * them, so it does not offer them rather than show zeros.
 */
export function BigLayersNote() {
  const t = useT();
  const lang = useLang();
  const names = useAtlas(useShallow((s) => orderedLayers(s).flatMap((l) => (l.remote ? [l.title[lang]] : []))));
  if (names.length === 0) return null;
  return <p className="hint">{t('bigLayers.notHere', { names: names.join(lang === 'zh' ? '、' : ', ') })}</p>;
}
