/**
 * The one gate every request to another host passes: the atlas contacts only its own origin and the hosts
 * of services the planner added. An imported file, a feature's properties or a shared link cannot make it
 * reach anywhere else (no data leaves the page unasked). Keys are never part of what is checked or logged.
 */
const origins = new Set<string>();

export class RequestRefused extends Error {
  constructor(readonly host: string) {
    super(`requests to ${host} are not allowed: add it as a service first`);
    this.name = 'RequestRefused';
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url, globalThis.location?.href ?? 'http://localhost/');
  } catch {
    return null;
  }
}

/** A URL's origin (scheme, host, port), or '' when it is not a URL. */
export function originOf(url: string): string {
  return parse(url)?.origin ?? '';
}

/**
 * The page's own origin and the origins of added services. Only http(s) reaches another machine: blob:,
 * data: and the app's own protocols (big layers' tiles, answered on the page) stay here.
 */
export function requestAllowed(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.protocol !== 'ws:' && u.protocol !== 'wss:' && u.protocol !== 'ftp:';
  return u.origin === globalThis.location?.origin || origins.has(u.origin);
}

/** Lets requests go to the origin of a service the planner added (all of a template's subdomains). */
export function allowServiceOrigins(urls: readonly string[]): void {
  for (const url of urls) {
    const u = parse(url);
    if (u && (u.protocol === 'http:' || u.protocol === 'https:')) origins.add(u.origin);
  }
}

/** Forgets the origins of a removed service (those another service still uses are given again by it). */
export function resetServiceOrigins(urls: readonly string[]): void {
  origins.clear();
  allowServiceOrigins(urls);
}

/** `fetch` through the gate; a redirect is not followed (it could lead to a host nobody added). */
export async function guardedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  if (!requestAllowed(url)) throw new RequestRefused(parse(url)?.host ?? url);
  const res = await fetch(url, { ...init, redirect: 'manual', credentials: 'omit' });
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) throw new RequestRefused(`${parse(url)?.host ?? url} (redirect)`);
  return res;
}
