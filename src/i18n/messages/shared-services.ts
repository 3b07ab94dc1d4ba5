/** UI strings of the question a shared link's services put to the planner. */
export const zh = {
  'svc.shared.title': '链接中包含 {n} 个地图服务',
  'svc.shared.hosts': '添加后，地图将向以下服务器请求瓦片：{hosts}。本机其他数据不会发送给它们。',
  'svc.shared.add': '添加这些服务',
  'svc.shared.skip': '不添加',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'svc.shared.title': 'Map services named in this link: {n}',
  'svc.shared.hosts': 'Once added, the map will request tiles from: {hosts}. Nothing else on this device is sent to them.',
  'svc.shared.add': 'Add these services',
  'svc.shared.skip': 'Do not add',
};
