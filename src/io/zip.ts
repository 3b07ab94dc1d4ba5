/** Safe unzip for imported archives: no path traversal, a cap on decompressed size, sane names. */
import { unzipSync } from 'fflate';
import { DEFAULT_MAX_UNZIPPED_BYTES, makeIssue, type ImportIssue, type InputFile } from './types';

export interface UnzipResult {
  entries: InputFile[];
  issues: ImportIssue[];
}

/** fflate decodes names without the UTF-8 flag as Latin-1; Chinese Windows zips use GBK there. */
export function fixEntryName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  for (const enc of ['utf-8', 'gbk']) {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      /* try next */
    }
  }
  return name;
}

export function isUnsafeEntryName(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split(/[\\/]/).some((part) => part === '..');
}

function isJunk(name: string): boolean {
  const parts = name.split(/[\\/]/);
  const last = parts[parts.length - 1] ?? '';
  return parts.includes('__MACOSX') || last.startsWith('._') || last === '.DS_Store' || last === 'Thumbs.db';
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * Unzips `bytes`, skipping directories, OS junk and unsafe names (reported). When the declared
 * total size exceeds `maxBytes`, nothing is extracted and an error is reported.
 */
export function safeUnzip(
  file: string,
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_MAX_UNZIPPED_BYTES,
  maxEntries = 10000,
): UnzipResult {
  const issues: ImportIssue[] = [];
  let total = 0;
  let count = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        count++;
        return false;
      },
    });
  } catch (e) {
    issues.push(makeIssue('error', 'zip-invalid', file, `Not a readable zip archive: ${(e as Error).message}`));
    return { entries: [], issues };
  }
  if (total > maxBytes || count > maxEntries) {
    issues.push(
      makeIssue('error', 'zip-too-large', file, `The archive expands to ${total} bytes in ${count} entries; the limit is ${maxBytes} bytes and ${maxEntries} entries.`, {
        params: { bytes: total, entries: count, limit: maxBytes },
      }),
    );
    return { entries: [], issues };
  }
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || isJunk(f.name)) return false;
        if (isUnsafeEntryName(f.name)) {
          issues.push(
            makeIssue('warning', 'zip-unsafe-entry', file, `Skipped the entry "${f.name}": its path leaves the archive.`, {
              params: { entry: f.name },
            }),
          );
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    issues.push(makeIssue('error', 'zip-invalid', file, `Not a readable zip archive: ${(e as Error).message}`));
    return { entries: [], issues };
  }
  const entries = Object.entries(raw).map(([name, data]) => ({ name: fixEntryName(name), bytes: data }));
  return { entries, issues };
}
