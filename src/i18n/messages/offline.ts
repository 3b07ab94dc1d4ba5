/** UI strings of offline use: the service worker's state and a new version taking over. */
export const zh = {
  'offline.ready': '图集及内置数据已保存在本机，断网后也可打开使用。',
  'offline.updated': '图集已更新到新版本，重新载入后生效。',
  'offline.reload': '重新载入',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'offline.ready': 'The atlas and its bundled data are kept on this device: it opens without a network.',
  'offline.updated': 'A new version of the atlas is installed; reload to use it.',
  'offline.reload': 'Reload',
};
