/** UI strings of a layer loaded from a WFS: what part of its type it holds, and reloading it. */
export const zh = {
  'wfs.layer.whole': 'WFS“{title}”：整个要素类型（{n} 个要素）。',
  'wfs.layer.view': 'WFS“{title}”：某一视图范围内的 {n} 个要素（共 {matched} 个）。',
  'wfs.layer.zone': 'WFS“{title}”：与筛选范围相交的 {n} 个要素。',
  'wfs.layer.reloadView': '按当前视图重新载入',
  'wfs.layer.loadZone': '从服务器载入筛选范围内的要素',
  'wfs.layer.reloadViewOf': '按当前视图重新载入 {layer}',
  'wfs.layer.loadZoneOf': '从服务器载入 {layer} 在筛选范围内的要素',
  'wfs.layer.viaFilter': '筛选范围作为空间过滤条件（Intersects）发送给了服务器。',
  'wfs.layer.viaBbox': '服务器按筛选范围的外包框返回要素，范围筛选在本机进行。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'wfs.layer.whole': 'WFS “{title}”: the whole feature type ({n} features).',
  'wfs.layer.view': 'WFS “{title}”: the {n} features around one view (of {matched}).',
  'wfs.layer.zone': 'WFS “{title}”: the {n} features meeting the filter zone.',
  'wfs.layer.reloadView': 'Reload for this view',
  'wfs.layer.loadZone': 'Load the filter zone’s features from the server',
  'wfs.layer.reloadViewOf': 'Reload {layer} for this view',
  'wfs.layer.loadZoneOf': 'Load the features of {layer} in the filter zone from the server',
  'wfs.layer.viaFilter': 'The filter zone was sent to the server as a spatial filter (Intersects).',
  'wfs.layer.viaBbox': 'The server returned the features in the filter zone’s box; the zone filter applies here.',
};
