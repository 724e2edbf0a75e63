import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { type Classifier, decodeClassifier } from './routing.classifier.ts';
import { routingModels } from './routing.tables.ts';

/** What a model predicts: a category or the handling units. */
export type RoutingTarget = 'category' | 'unit';

/** A stored model as the routes describe it. */
export type StoredModel = { target: RoutingTarget; trainedAt: string; exampleCount: number; labelCount: number };

/** Decoded models by tenant and target, kept while their training instant is the stored one. */
const cache = new Map<string, { trainedAt: string; exampleCount: number; classifier: Classifier }>();
const MAX_CACHED = 200;

/**
 * The current model of a tenant's target, or null before any training. Reads only the training instant unless the
 * model changed since it was last decoded, so that a suggestion does not fetch megabytes of weights each time.
 */
export async function loadModel(
  executor: Executor,
  orgId: string,
  target: RoutingTarget,
): Promise<{ trainedAt: string; exampleCount: number; classifier: Classifier } | null> {
  const where = and(eq(routingModels.orgId, orgId), eq(routingModels.target, target));
  const [current] = await executor.select({ trainedAt: routingModels.trainedAt }).from(routingModels).where(where);
  const key = `${orgId}:${target}`;
  if (!current) {
    cache.delete(key);
    return null;
  }
  const cached = cache.get(key);
  if (cached && cached.trainedAt === current.trainedAt) return cached;
  const [row] = await executor
    .select({ trainedAt: routingModels.trainedAt, exampleCount: routingModels.exampleCount, weights: routingModels.weights })
    .from(routingModels)
    .where(where);
  if (!row) return null;
  const loaded = { trainedAt: row.trainedAt, exampleCount: row.exampleCount, classifier: decodeClassifier(row.weights) };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, loaded);
  return loaded;
}

/** The models of a tenant (without their weights), category first. */
export async function listModels(executor: Executor, orgId: string): Promise<StoredModel[]> {
  const rows = await executor
    .select({
      target: routingModels.target,
      trainedAt: routingModels.trainedAt,
      exampleCount: routingModels.exampleCount,
      summary: routingModels.summary,
    })
    .from(routingModels)
    .where(eq(routingModels.orgId, orgId));
  return rows
    .map((row) => ({
      target: row.target as RoutingTarget,
      trainedAt: new Date(row.trainedAt).toISOString(),
      exampleCount: row.exampleCount,
      labelCount: Number((row.summary as { labelCount?: number }).labelCount ?? 0),
    }))
    .sort((left, right) => (left.target === right.target ? 0 : left.target === 'category' ? -1 : 1));
}
