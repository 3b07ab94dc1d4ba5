/** UI strings of the window layout: panel toggles, sheets, wide views of tables. */
export const zh = {
  'layout.sidebar': '图层与工具',
  'layout.inspector': '要素详情',
  'layout.tableHeight': '调整属性表高度',
  'layout.closeTable': '收起表格',
  'layout.expand': '展开宽表',
  'layout.expandOf': '在宽面板中查看{title}',
  'layout.wideOpen': '{title}已在宽面板中打开。',
  'layout.close': '关闭',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'layout.sidebar': 'Layers and tools',
  'layout.inspector': 'Feature details',
  'layout.tableHeight': 'Attribute table height',
  'layout.closeTable': 'Hide table',
  'layout.expand': 'Wide view',
  'layout.expandOf': 'Show {title} in a wide panel',
  'layout.wideOpen': '{title} is open in a wide panel.',
  'layout.close': 'Close',
};
