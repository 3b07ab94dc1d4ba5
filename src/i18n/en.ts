import type { MessageKey } from './zh';

export const en: Record<MessageKey, string> = {
  'app.title': 'Jiaozuo Planning Atlas',
  'app.subtitle': 'Jiaozuo Urban-Rural Integration Demonstration Zone · New urbanization',
  'app.schematicNote': 'Schematic data: geometry is illustrative, not survey data; attributes from a July 2017 report.',
  'app.language': 'Interface language',
  'app.loading': 'Loading layers…',
  'app.loadFailed': 'Data failed to load',
  'app.loadFailedFile': 'File {file}: {problem}',
  'app.dismiss': 'Dismiss',

  'layers.panel': 'Layers',
  'layers.toggle': 'Show {layer}',
  'layers.opacity': '{layer} opacity',
  'layers.up': 'Move {layer} up',
  'layers.down': 'Move {layer} down',
  'layers.legend': '{layer} legend',
  'layers.count': '{n} features',
  'layers.color': '{layer} colour',

  'inspector.title': 'Feature details',
  'inspector.close': 'Close feature details',
  'inspector.empty': 'Click a feature on the map to see its attributes.',
  'inspector.schematic': 'Schematic data: the geometry is illustrative, not survey data.',
  'inspector.layer': 'Layer',
  'inspector.milestones': 'Milestones',
  'inspector.milestone': 'Milestone',
  'inspector.due': 'Due',
  'inspector.area': 'Area',
  'inspector.perimeter': 'Perimeter',
  'inspector.length': 'Length',

  'map.region': 'Map',
  'map.scale': 'Scale',

  'money.yi': 'CNY {v} million',
  'money.wan': 'CNY {v} million',
  'money.yuan': 'CNY {v}',

  'value.yes': 'yes',
  'value.no': 'no',
};
