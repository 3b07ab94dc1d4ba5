/**
 * The planner's 天地图 key, entered once and kept on this device only (localStorage): put into tile
 * requests for 天地图 hosts at the moment they are made, never into the store, a link, a project or an export.
 */
const KEY = 'atlas-tianditu-key';
/** Where storage is refused (private mode, no storage), the key lasts for this page only. */
let memory = '';

export function tiandituKey(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function setTiandituKey(key: string): void {
  memory = key.trim();
  try {
    if (memory) globalThis.localStorage?.setItem(KEY, memory);
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage refused: `memory` holds it.
  }
}

/** A tile request's URL with the key in place of `{tk}`; 天地图 hosts only, so the key goes nowhere else. */
export function withServiceKeys(url: string): string {
  if (!url.includes('{tk}') && !url.includes('%7Btk%7D')) return url;
  let host = '';
  try {
    host = new URL(url.replace(/\{tk\}|%7Btk%7D/g, 'x')).hostname;
  } catch {
    return url;
  }
  const key = /(^|\.)tianditu\.gov\.cn$/.test(host) ? encodeURIComponent(tiandituKey()) : '';
  return url.replace(/\{tk\}|%7Btk%7D/g, key);
}
