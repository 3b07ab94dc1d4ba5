/** UI strings of the plan dashboard's two parts and of marking milestones done. */
export const zh = {
  'dash.report': '报告中的规划目标与总量',
  'dash.reportHint': '2017年7月报道给出的目标和项目总量，不随地图数据变化。',
  'dash.map': '地图上的数据',
  'dash.mapHint': '地图收录的要素，对照报告中的目标或总量。',
  'dash.value': '数值',
  'dash.mapped': '地图',
  'dash.vsReport': '对照报告',
  'dash.status.partial': '已上图 {pct}',
  'milestone.doneCol': '完成',
  'milestone.markDone': '标记“{name}”已完成',
  'milestone.doneDate': '“{name}”的完成日期',
  'milestone.stateAsOf': '截至 {date}：{state}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'dash.report': 'Programme figures from the report',
  'dash.reportHint': 'Targets and programme totals as the July 2017 report gives them; they do not depend on the map.',
  'dash.map': 'What the map holds',
  'dash.mapHint': 'Features on the map, read against the report’s targets or totals.',
  'dash.value': 'Value',
  'dash.mapped': 'Map',
  'dash.vsReport': 'Report',
  'dash.status.partial': '{pct} mapped',
  'milestone.doneCol': 'Done',
  'milestone.markDone': 'Mark “{name}” done',
  'milestone.doneDate': 'Date “{name}” was done',
  'milestone.stateAsOf': 'as of {date}: {state}',
};
