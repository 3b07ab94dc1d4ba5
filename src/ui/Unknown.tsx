import { notGiven, UNKNOWN } from '../domain/format';
import { useLang } from './use-t';

/** A value the data does not give: a dash on screen, "not given" for screen readers and as a tooltip. */
export function Unknown() {
  const lang = useLang();
  const words = notGiven(lang);
  return (
    <span className="unknown" title={words}>
      <span aria-hidden="true">{UNKNOWN}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
