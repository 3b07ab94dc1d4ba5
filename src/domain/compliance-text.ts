import type { ComplianceResult, OverlapResult } from '../analysis/compliance';
import type { MessageKey } from '../i18n/zh';
import { formatArea, formatLength, formatPercent } from './format';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * How a checked feature meets one protected layer, in words: the overlap in m², 亩 and share of the
 * project for polygons, the length inside for lines, inside or not for points; "touches only" or "no
 * overlap" otherwise. The Planning tab and the printed compliance sheet say it alike.
 */
export function overlapText(r: OverlapResult, c: Pick<ComplianceResult, 'subjectKind' | 'subjectLengthM'>, t: T, lang: 'zh' | 'en'): string {
  if (!r.overlaps) return t(r.touching ? 'comp.touching' : c.subjectKind === 'point' ? 'comp.pointOut' : 'comp.none');
  if (c.subjectKind === 'point') return t('comp.pointIn');
  if (c.subjectKind === 'line') return `${t('comp.lengthIn', { len: formatLength(r.lengthM, 'm', lang) })} · ${t('comp.lengthShare', { pct: formatPercent(c.subjectLengthM > 0 ? (100 * r.lengthM) / c.subjectLengthM : 0, lang) })}`;
  return `${t('comp.overlap')} ${formatArea(r.areaM2, 'm2', lang)} · ${formatArea(r.areaM2, 'mu', lang)} · ${t('comp.shareOf', { pct: formatPercent(r.share, lang) })}`;
}
