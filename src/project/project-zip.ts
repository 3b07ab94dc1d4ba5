import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { projectOf, readProject, type ProjectContent, type ProjectProblem } from './project-format';

/** The extension of project files; they are plain zips (any zip tool opens them). */
export const PROJECT_EXTENSION = '.atlas.zip';

/** `big`: big layers' files as the worker wrote them (stored with light compression: they can be hundreds of MB). */
export function writeProjectZip(content: ProjectContent, big: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 1 }]> = { 'project.json': strToU8(JSON.stringify(content.manifest, null, 1)) };
  for (const [name, fc] of Object.entries(content.data)) files[name] = strToU8(JSON.stringify(fc));
  for (const [name, bytes] of Object.entries(big)) files[name] = [bytes, { level: 1 }];
  return zipSync(files, { level: 6 });
}

/** A project from the bytes of a file; a file that is not a zip, or a zip without a project, says so. */
export function readProjectZip(bytes: Uint8Array): { content: ProjectContent | null; problems: ProjectProblem[] } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { content: null, problems: [{ code: 'not-project' }] };
  }
  const files: Record<string, string> = {};
  for (const [name, u8] of Object.entries(entries)) if (name === 'project.json' || name.endsWith('.geojson')) files[name] = strFromU8(u8);
  return readProject(files);
}

export { projectOf };
