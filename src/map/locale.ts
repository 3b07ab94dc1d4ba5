/** MapLibre's own control strings in Chinese (its defaults are English). */
export const ZH_LOCALE: Record<string, string> = {
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'NavigationControl.ResetBearing': '重置方向',
  'ScaleControl.Meters': '米',
  'ScaleControl.Kilometers': '公里',
  'Map.Title': '地图',
};
