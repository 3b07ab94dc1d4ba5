/**
 * Files of a chosen or dropped folder, each named by its path inside the folder's parent
 * (`plan.gdb/a00000001.gdbtable`), so a File Geodatabase arrives as the folder it is.
 */

import { withPath } from './with-path';

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(withPath(file, entry.fullPath.replace(/^\//, '')));
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most 100 entries a call: read until it returns none.
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
      for (const e of batch) await walk(e, out);
    }
  }
}

/** The files of dropped entries, folders walked (entries stay readable after the drop event). */
export async function filesOfEntries(entries: readonly (FileSystemEntry | null)[]): Promise<File[]> {
  const out: File[] = [];
  for (const e of entries) if (e) await walk(e, out);
  return out;
}
