/**
 * The web side of the workbench's registry (decision 0017): how each card is drawn. A card is drawn by the renderer
 * registered for its key, else by the built-in renderer of its display (count, parts, figures, items). A module
 * that needs its own look registers a renderer for its card key here; the workbench page never changes.
 */
import type { ReactNode } from 'react';
import type { WorkbenchCard, WorkbenchDisplay } from '../../../../contracts/workbench.ts';
import { CountCard, FiguresCard, ItemsCard, PartsCard } from './workbench-cards.tsx';

/** How a card is drawn, and whether it sits in the grid of counts or takes the page's width. */
export type CardRenderer = { wide: boolean; render: (card: WorkbenchCard) => ReactNode };

const byDisplay: Record<WorkbenchDisplay, CardRenderer> = {
  count: { wide: false, render: (card) => <CountCard card={card} /> },
  parts: { wide: true, render: (card) => <PartsCard card={card} /> },
  figures: { wide: true, render: (card) => <FiguresCard card={card} /> },
  items: { wide: true, render: (card) => <ItemsCard card={card} /> },
};

const byKey = new Map<string, CardRenderer>();

/** Registers the renderer of one card key (`micro_suggestions.to_rate`…), replacing the display's default. */
export function registerCardRenderer(key: string, renderer: CardRenderer): void {
  byKey.set(key, renderer);
}

/** The renderer of a card: its key's, else its display's, else the count's. */
export function rendererFor(card: WorkbenchCard): CardRenderer {
  return byKey.get(card.key) ?? byDisplay[card.display] ?? byDisplay.count;
}
