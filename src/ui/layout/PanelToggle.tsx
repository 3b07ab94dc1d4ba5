import { atlasStore, useAtlas } from '../../state/store';
import type { Panel } from '../../state/layout-slice';

const OPEN_KEY = { sidebar: 'sidebarOpen', inspector: 'inspectorOpen', table: 'tableOpen' } as const;

/**
 * Shows or hides a panel (WAI-ARIA disclosure: the name stays, `aria-expanded` tells the state). The label
 * is the button's name; on a phone only its icon shows, the label stays readable to assistive technology.
 */
export function PanelToggle({ panel, controls, icon, label }: { panel: Panel; controls: string; icon: string; label: string }) {
  const open = useAtlas((s) => s[OPEN_KEY[panel]]);
  return (
    <button
      type="button"
      className="panel-toggle"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      title={label}
      onClick={() => atlasStore.getState().setPanelOpen(panel, !open)}
    >
      <span aria-hidden="true" className="toggle-icon">
        {icon}
      </span>
      <span className="toggle-text">{label}</span>
    </button>
  );
}
