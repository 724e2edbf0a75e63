import { and, eq, inArray } from 'drizzle-orm';
import type { CategorySuggestion } from '../../../contracts/routing.ts';
import type { Executor } from '../../platform/db/database.ts';
import { dictionaryEntries } from '../orgs/orgs.tables.ts';
import { units } from '../people/people.tables.ts';
import { classify } from './routing.classifier.ts';
import { routingTerms } from './routing.features.ts';
import { loadModel } from './routing.model-store.ts';

/** The text an item is routed by. */
export type RoutedText = { title: string; body: string };

/** The model behind a suggestion, as the contract shows it (null before any training). */
export type ModelInfo = { trainedAt: string; exampleCount: number } | null;

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The categories the committee's category model suggests for a text, most likely first, with probabilities; only
 * active categories (a retired one drops out). Empty, with model null, before the first training.
 */
export async function suggestCategories(
  executor: Executor,
  orgId: string,
  text: RoutedText,
  limit = 3,
): Promise<{ items: CategorySuggestion[]; model: ModelInfo }> {
  const model = await loadModel(executor, orgId, 'category');
  if (!model) return { items: [], model: null };
  const ranked = classify(model.classifier, routingTerms(text.title, text.body));
  const entries = await executor
    .select({ id: dictionaryEntries.id, name: dictionaryEntries.name })
    .from(dictionaryEntries)
    .where(
      and(
        eq(dictionaryEntries.orgId, orgId),
        eq(dictionaryEntries.kind, 'proposal_category'),
        eq(dictionaryEntries.active, true),
        inArray(
          dictionaryEntries.id,
          ranked.map((entry) => entry.label),
        ),
      ),
    );
  const names = new Map(entries.map((entry) => [entry.id, entry.name]));
  const items = ranked
    .filter((entry) => names.has(entry.label))
    .slice(0, limit)
    .map((entry) => ({
      categoryId: entry.label,
      categoryName: names.get(entry.label) as string,
      score: round(entry.probability),
    }));
  return { items, model: { trainedAt: new Date(model.trainedAt).toISOString(), exampleCount: model.exampleCount } };
}

/** The active units the committee's unit model suggests for a text, with probabilities, most likely first. */
export async function predictUnits(
  executor: Executor,
  orgId: string,
  text: RoutedText,
  limit = 5,
): Promise<{ unitId: string; unitName: string; probability: number }[]> {
  const model = await loadModel(executor, orgId, 'unit');
  if (!model) return [];
  const ranked = classify(model.classifier, routingTerms(text.title, text.body)).slice(0, limit * 2);
  if (ranked.length === 0) return [];
  const live = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.orgId, orgId),
        eq(units.active, true),
        inArray(
          units.id,
          ranked.map((entry) => entry.label),
        ),
      ),
    );
  const names = new Map(live.map((unit) => [unit.id, unit.name]));
  return ranked
    .filter((entry) => names.has(entry.label))
    .slice(0, limit)
    .map((entry) => ({ unitId: entry.label, unitName: names.get(entry.label) as string, probability: round(entry.probability) }));
}
