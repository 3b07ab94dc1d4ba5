/** UI strings of keyboard use: the skip link, drawing with the keyboard cursor, the attribute grid. */
export const zh = {
  'a11y.skipToMap': '跳到地图',
  'kbd.drawHint': '方向键移动十字光标（Shift 加大步长，+/− 缩放），Enter 添加顶点，Shift+Enter 完成，Esc 取消。',
  'kbd.ready': '键盘绘制已就绪：十字光标位于 {pos}。方向键移动，Enter 添加顶点，Shift+Enter 完成，Esc 取消。',
  'kbd.move': '十字光标：{pos}',
  'kbd.vertex': '已添加第 {n} 个顶点：{pos}',
  'kbd.finished.zone': '筛选范围已绘制，共 {n} 个顶点。',
  'kbd.finished.select': '选择多边形已绘制，共 {n} 个顶点。',
  'kbd.finished.measure': '测量图形已绘制，共 {n} 个顶点。',
  'kbd.cancelled': '已取消绘制。',
  'kbd.lonLat': '东经 {lon}°，北纬 {lat}°',
  'table.keys': '方向键移动，空格或 Enter 选择行，Shift 选择范围，Ctrl+空格 增减，Ctrl+A 全选',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'a11y.skipToMap': 'Skip to map',
  'kbd.drawHint': 'Arrow keys move the crosshair (Shift for bigger steps, +/− zoom), Enter adds a vertex, Shift+Enter finishes, Esc cancels.',
  'kbd.ready': 'Keyboard drawing ready: crosshair at {pos}. Arrow keys move it, Enter adds a vertex, Shift+Enter finishes, Esc cancels.',
  'kbd.move': 'Crosshair: {pos}',
  'kbd.vertex': 'Vertex {n} added: {pos}',
  'kbd.finished.zone': 'Filter zone drawn, {n} vertices.',
  'kbd.finished.select': 'Selection polygon drawn, {n} vertices.',
  'kbd.finished.measure': 'Measured shape drawn, {n} vertices.',
  'kbd.cancelled': 'Drawing cancelled.',
  'kbd.lonLat': '{lon}° E, {lat}° N',
  'table.keys': 'Arrow keys move, Space or Enter selects the row, Shift selects a range, Ctrl+Space adds or removes, Ctrl+A selects all',
};
