/** UI strings for attribute values too long to show at once (inspector, attribute table). */
export const zh = {
  'value.truncated': '（共 {size}，只显示前 {shown}）',
  'value.more': '再显示 {n} 个字符',
  'value.copy': '复制完整内容',
  'value.copied': '已复制',
  'value.copyFailed': '无法复制：{reason}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'value.truncated': '({size} in all; the first {shown} shown)',
  'value.more': 'Show {n} more characters',
  'value.copy': 'Copy the whole value',
  'value.copied': 'Copied',
  'value.copyFailed': 'Could not copy: {reason}',
};
