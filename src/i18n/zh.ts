/** Chinese UI strings. `en.ts` must define exactly the same keys (checked by the type and a unit test). */
export const zh = {
  'app.title': '焦作城乡一体化示范区规划图集',
  'app.subtitle': '焦作市城乡一体化示范区 · 新型城镇化',
  'app.schematicNote': '示意数据：几何位置为示意，并非测绘成果；属性来自2017年7月的报道。',
  'app.language': '界面语言',
  'app.loading': '正在加载图层…',
  'app.loadFailed': '数据加载失败',
  'app.loadFailedFile': '文件 {file}：{problem}',
  'app.dismiss': '关闭',

  'layers.panel': '图层',
  'layers.toggle': '显示 {layer}',
  'layers.opacity': '{layer} 透明度',
  'layers.up': '上移 {layer}',
  'layers.down': '下移 {layer}',
  'layers.legend': '{layer} 图例',
  'layers.count': '{n} 个要素',
  'layers.color': '{layer} 颜色',

  'inspector.title': '要素信息',
  'inspector.close': '关闭要素信息',
  'inspector.empty': '点击地图上的要素查看属性。',
  'inspector.schematic': '示意数据：几何为示意性质，不是测绘数据。',
  'inspector.layer': '图层',
  'inspector.milestones': '进度节点',
  'inspector.milestone': '节点',
  'inspector.due': '期限',
  'inspector.area': '面积',
  'inspector.perimeter': '周长',
  'inspector.length': '长度',

  'map.region': '地图',
  'map.scale': '比例尺',

  'money.yi': '{v} 亿元',
  'money.wan': '{v} 万元',
  'money.yuan': '{v} 元',

  'value.yes': '是',
  'value.no': '否',
} as const;

export type MessageKey = keyof typeof zh;
