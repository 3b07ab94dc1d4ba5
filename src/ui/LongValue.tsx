import { useState } from 'react';
import { clip, MORE_CHARS, SHOWN_CHARS, textSize } from '../domain/long-text';
import { useLang, useT } from './use-t';

/** A value as text, at most a few thousand characters laid out at once, with "show more" and "copy all". */
export function LongValue({ text, full }: { text: string; full?: unknown }) {
  const t = useT();
  const lang = useLang();
  const [shown, setShown] = useState(SHOWN_CHARS);
  const [note, setNote] = useState('');
  if (text.length <= SHOWN_CHARS) return <>{text}</>;
  const copy = () => {
    const whole = typeof full === 'string' ? full : text;
    navigator.clipboard.writeText(whole).then(
      () => setNote(t('value.copied')),
      (e: unknown) => setNote(t('value.copyFailed', { reason: e instanceof Error ? e.message : String(e) })),
    );
  };
  const n = Math.min(MORE_CHARS, text.length - shown);
  return (
    <>
      <span className="long-value">{clip(text, shown)}…</span>{' '}
      <span className="muted">{t('value.truncated', { size: textSize(text.length, lang), shown: textSize(Math.min(shown, text.length), lang) })}</span>{' '}
      {n > 0 && (
        <button type="button" className="link-btn" onClick={() => setShown(shown + MORE_CHARS)}>
          {t('value.more', { n })}
        </button>
      )}{' '}
      <button type="button" className="link-btn" onClick={copy}>
        {t('value.copy')}
      </button>
      {note && <span role="status"> {note}</span>}
    </>
  );
}
