/** A field's alias from its source, if it has one (own keys only: a field may be named "constructor"). */
export function aliasOf(aliases: Record<string, string> | undefined, field: string): string | undefined {
  return aliases && Object.hasOwn(aliases, field) ? aliases[field] : undefined;
}
