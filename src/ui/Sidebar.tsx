import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from './use-t';
import type { MessageKey } from '../i18n/zh';

export interface SidebarTab {
  id: string;
  label: MessageKey;
  render: () => ReactNode;
}

/** Tabs (WAI-ARIA tablist): arrow keys move between tabs, only the active panel is rendered. */
export function Sidebar({ tabs }: { tabs: SidebarTab[] }) {
  const t = useT();
  const [active, setActive] = useState(tabs[0]!.id);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((x) => x.id === active);
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    setActive(tab.id);
    refs.current[tab.id]?.focus();
  };
  const current = tabs.find((x) => x.id === active) ?? tabs[0]!;
  return (
    <aside className="sidebar">
      <div role="tablist" aria-label={t('tabs.sidebar')} className="tabs" onKeyDown={onKey}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el;
            }}
            id={`tab-${tab.id}`}
            role="tab"
            type="button"
            aria-selected={tab.id === active}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => setActive(tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="tabpanel">
        {current.render()}
      </div>
    </aside>
  );
}
