import { describe, expect, it } from 'vitest';
import { createAtlasStore } from '../../../src/state/store';
import { layoutSizeOf } from '../../../src/state/layout-slice';
import { mapInsetsOf } from '../../../src/ui/layout/map-insets';
import { fitPadding } from '../../../src/map/camera';

describe('window classes', () => {
  it('phone below 600 px, compact below 1280 px, wide from 1280 px', () => {
    expect([390, 599, 600, 1024, 1279, 1280, 1400].map(layoutSizeOf)).toEqual(['phone', 'phone', 'compact', 'compact', 'compact', 'wide', 'wide']);
  });

  it('crossing into a class resets the panels to its defaults; resizing within a class keeps the choice', () => {
    const store = createAtlasStore();
    store.getState().setWindowWidth(1400);
    store.getState().setPanelOpen('sidebar', false);
    store.getState().setWindowWidth(1350);
    expect(store.getState().sidebarOpen).toBe(false);
    store.getState().setWindowWidth(1024);
    expect(store.getState()).toMatchObject({ layoutSize: 'compact', sidebarOpen: true });
    store.getState().setWindowWidth(390);
    expect(store.getState()).toMatchObject({ layoutSize: 'phone', sidebarOpen: false });
  });

  it('a phone shows one sheet at a time; wider windows keep several panels open', () => {
    const store = createAtlasStore();
    store.getState().setWindowWidth(1024);
    store.getState().setPanelOpen('table', true);
    store.getState().setPanelOpen('inspector', true);
    expect(store.getState()).toMatchObject({ sidebarOpen: true, tableOpen: true, inspectorOpen: true });
    store.getState().setWindowWidth(390);
    store.getState().setPanelOpen('sidebar', true);
    store.getState().setPanelOpen('table', true);
    expect(store.getState()).toMatchObject({ sidebarOpen: false, tableOpen: true, inspectorOpen: false });
  });

  it('the table sheet keeps a usable height', () => {
    const store = createAtlasStore();
    store.getState().setTableHeight(20);
    expect(store.getState().tableHeight).toBe(120);
  });
});

describe('mapInsetsOf', () => {
  const map = { left: 310, top: 42, right: 1024, bottom: 660 };

  it('counts a floating panel on the right, a bottom sheet and a sheet over the left edge', () => {
    const inspector = { left: 686, top: 50, right: 1016, bottom: 420 };
    const sheet = { left: 310, top: 400, right: 1024, bottom: 660 };
    const beside = { left: 0, top: 42, right: 310, bottom: 700 };
    expect(mapInsetsOf(map, [inspector, sheet, beside])).toEqual({ top: 0, right: 338, bottom: 260, left: 0 });
    expect(mapInsetsOf(map, [{ left: 310, top: 42, right: 500, bottom: 660 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 190 });
  });

  it('clears a sheet across the whole width from below, even when it is taller than the map is wide', () => {
    const phone = { left: 0, top: 71, right: 390, bottom: 785 };
    expect(mapInsetsOf(phone, [{ left: 0, top: 380, right: 390, bottom: 785 }])).toEqual({ top: 0, right: 0, bottom: 405, left: 0 });
  });

  it('a floating card above a bottom sheet becomes a side inset, leaving the larger free area', () => {
    const card = { left: 644, top: 50, right: 974, bottom: 310 };
    const sheet = { left: 310, top: 318, right: 1024, bottom: 660 };
    expect(mapInsetsOf(map, [card, sheet])).toEqual({ top: 0, right: 380, bottom: 342, left: 0 });
  });

  it('ignores panels outside the map', () => {
    expect(mapInsetsOf(map, [{ left: 0, top: 0, right: 1024, bottom: 42 }])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});

describe('fitPadding', () => {
  it('adds a margin to each covered edge', () => {
    expect(fitPadding(1000, 800, { top: 0, right: 330, bottom: 260, left: 0 })).toEqual({ top: 40, right: 370, bottom: 300, left: 40 });
  });

  it('leaves the target a fifth of the map when panels cover nearly all of it', () => {
    const p = fitPadding(390, 700, { top: 0, right: 0, bottom: 650, left: 0 });
    expect(p.top + p.bottom).toBeLessThanOrEqual(700 * 0.8);
    expect(p.bottom).toBeGreaterThan(p.top);
  });
});
