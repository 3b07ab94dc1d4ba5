import { codeList, findCode, searchCodes } from './code-lists';
import type { CodeListId } from './field-schema';

/**
 * The code a person means by what they typed in a code field: the code itself, a class name (Chinese or
 * English), or "code name" as the picker shows it. Anything else is returned as typed, for the schema to refuse.
 */
export function codeFromInput(list: CodeListId, raw: string): string {
  const text = raw.trim();
  if (!text || findCode(list, text)) return text;
  const head = text.split(/\s+/)[0]!;
  if (findCode(list, head)) return findCode(list, head)!.code;
  const lower = text.toLowerCase();
  const exact = codeList(list).find((e) => e.name_zh === text || e.name_en.toLowerCase() === lower);
  if (exact) return exact.code;
  const hits = searchCodes(list, text, 2);
  return hits.length === 1 ? hits[0]!.code : text;
}
