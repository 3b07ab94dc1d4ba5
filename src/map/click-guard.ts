/**
 * Swallows the one click the browser dispatches after a gesture that already did its work (the mouse-up
 * ending a box, the click closing a drawn polygon), so it never reaches MapLibre as an ordinary click that
 * would replace or clear the selection. Capture phase on the window runs before any map listener.
 */
export function swallowNextClick(windowMs = 400): void {
  const swallow = (e: MouseEvent) => {
    e.stopImmediatePropagation();
    e.preventDefault();
    done();
  };
  const done = () => {
    window.removeEventListener('click', swallow, true);
    clearTimeout(timer);
  };
  window.addEventListener('click', swallow, true);
  // A gesture ended from the keyboard has no click to follow; the guard must not eat a later, real one.
  const timer = setTimeout(done, windowMs);
}
