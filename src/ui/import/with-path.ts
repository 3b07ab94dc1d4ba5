/** A File renamed to its path inside a chosen folder (the name crosses to the worker; Chromium keeps the slashes). */
export function withPath(file: File, path: string): File {
  return path && path !== file.name ? new File([file], path, { type: file.type, lastModified: file.lastModified }) : file;
}

/** Files from an `<input webkitdirectory>`: named by `webkitRelativePath` (`plan.gdb/a00000001.gdbtable`). */
export function filesOfFolderInput(list: FileList | null): File[] {
  return [...(list ?? [])].map((f) => withPath(f, f.webkitRelativePath));
}
