import type { MessageKey } from './zh';

/**
 * English singular forms ("1 feature selected") of messages whose main form is the plural. Chinese has
 * no plural: its one form serves every count. Looked up by `plural()` (plural.ts).
 */
export const enOne: Partial<Record<MessageKey, string>> = {
  'selection.count': '{n} feature selected',
  'table.rows': '{n} row',
  'layers.count': '{n} feature',
  'layers.groupCount': '{n} layer',
  'layers.otherValues': '{n} other value (layer colour)',
  'import.added': '{n} layer added',
  'import.layer': '{name}: {n} feature',
  'export.copied': 'Copied GeoJSON of {n} feature',
  'export.count': '{n} feature will be exported',
  'export.done': 'Exported {name} ({n} feature)',
  'export.decimals': '{n} decimal (about {m})',
  'dash.select': 'Select the feature behind it',
  'filter.investmentStated': 'as stated by {n} feature',
  'table.pasted': '{n} value pasted',
  'calc.applied': '{field} written for {n} feature',
  'calc.selected': '{n} feature selected',
  'calc.apply': 'Write the field ({n} feature)',
  'project.opened': 'Opened {file}: {n} layer',
  'table.filled': '{n} row filled',
};
