/**
 * Files of a chosen or dropped folder, each named by its path inside the folder's parent
 * (`plan.gdb/a00000001.gdbtable`), so a File Geodatabase arrives as the folder it is.
 */

/** A File renamed to its path (the name crosses to the worker; Chromium keeps the slashes). */
export function withPath(file: File, path: string): File {
  return path && path !== file.name ? new File([file], path, { type: file.type, lastModified: file.lastModified }) : file;
}

/** Files from an `<input webkitdirectory>`: named by `webkitRelativePath`. */
export function filesOfFolderInput(list: FileList | null): File[] {
  return [...(list ?? [])].map((f) => withPath(f, f.webkitRelativePath));
}

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

/** Dropped items, with folders walked; plain files as they are. */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null));
  if (!entries.some((e) => e?.isDirectory)) return [...data.files];
  const out: File[] = [];
  for (const e of entries) if (e) await walk(e, out);
  return out;
}
