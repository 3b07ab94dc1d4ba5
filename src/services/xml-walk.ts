/**
 * Walking a parsed capabilities document namespace-blind, by local names (servers differ in prefixes and
 * namespaces): the child elements of a name, the first one, trimmed text, an xlink:href.
 */
export const kids = (el: Element, name: string): Element[] => (Array.from(el.childNodes).filter((c) => c.nodeType === 1) as Element[]).filter((c) => c.localName === name);
export const kid = (el: Element, name: string): Element | undefined => kids(el, name)[0];
export const text = (el: Element | undefined): string => el?.textContent?.trim() ?? '';
export const href = (el: Element | undefined): string => (el ? (el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? el.getAttribute('xlink:href') ?? '') : '');
