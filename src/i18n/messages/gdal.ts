/** UI strings of the GDAL-backed formats (layer picker, format library loading, .gdb folders). */
export const zh = {
  'gdal.loading': '正在加载格式库（首次使用，约 40 MB）…',
  'gdal.pickTitle': '{file}：选择要添加的图层',
  'gdal.pickLayer': '{name}（{type}，{n} 个要素{crs}）',
  'gdal.pickAll': '全选',
  'gdal.pickNone': '全不选',
  'gdal.pickAdd': '添加所选图层',
  'gdal.pickGroup': '要素数据集 {group}',
  'gdal.folder': '打开 .gdb 文件夹',
  'gdal.folderPicker': '选择 File Geodatabase（.gdb）文件夹',
  'gdal.exportCrs': '坐标系',
  'gdal.exportGuotuAuto': 'CGCS2000 3° 高斯-克吕格，按数据所在带',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'gdal.loading': 'Loading the format library (first use, about 40 MB)…',
  'gdal.pickTitle': '{file}: choose the layers to add',
  'gdal.pickLayer': '{name} ({type}, {n} features{crs})',
  'gdal.pickAll': 'Select all',
  'gdal.pickNone': 'Select none',
  'gdal.pickAdd': 'Add the selected layers',
  'gdal.pickGroup': 'Feature dataset {group}',
  'gdal.folder': 'Open a .gdb folder',
  'gdal.folderPicker': 'Choose a File Geodatabase (.gdb) folder',
  'gdal.exportCrs': 'Coordinate system',
  'gdal.exportGuotuAuto': 'CGCS2000 3° Gauss–Krüger, zone of the data',
};
