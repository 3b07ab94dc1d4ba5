/** True when the own enumerable keys of `o` are exactly `keys`, in that order (lets a reader keep an object as is). */
export function hasKeys(o: object, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in o) {
    if (n >= keys.length || k !== keys[n]) return false;
    n++;
  }
  return n === keys.length;
}
