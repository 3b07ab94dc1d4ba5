/** Recognises a 国土TXT by its section headers, cheaply, so the reader itself loads only for such files. */
/** True when the bytes start like a 国土TXT (UTF-8 or GBK). */
export function looksLikeGuotuTxt(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  for (const enc of ['utf-8', 'gbk']) {
    const s = new TextDecoder(enc).decode(head);
    if (s.includes('[属性描述]') || s.includes('[地块坐标]')) return true;
  }
  return false;
}
