import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordEvent } from '../../../platform/events/record-event.ts';
import { forbidden } from '../../../platform/http/problem.ts';
import type { AppDependencies } from '../../../platform/module.ts';
import { encodeClassifier, type TrainingExample, trainClassifier } from '../routing.classifier.ts';
import { loadRoutingExamples } from '../routing.examples.ts';
import { routingTerms } from '../routing.features.ts';
import type { RoutingTarget } from '../routing.model-store.ts';
import { canManageRouting } from '../routing.policy.ts';
import { routingModels } from '../routing.tables.ts';

/** A model needs at least this many examples and two labels to tell anything apart. */
const MINIMUM_EXAMPLES = 2;

/** What one training did, per target: how many examples and labels (null: too little history for a model). */
export type TrainingOutcome = Record<RoutingTarget, { exampleCount: number; labelCount: number } | null>;

/**
 * Trains the category and unit models of a committee from its history (imported rows and filed proposals) and
 * stores them, replacing the previous ones, with an event — in one transaction, so a suggestion reads either the
 * old models or the new ones. Run by POST /routing/train, by the job an import enqueues and by the nightly scan;
 * `actor` is null for the job.
 */
export async function trainRouting(deps: AppDependencies, orgId: string, actor: Actor | null): Promise<TrainingOutcome> {
  if (actor && (!canManageRouting(actor) || actor.orgId !== orgId)) throw forbidden('只有提案委工作人员可以训练分办模型');
  const history = await loadRoutingExamples(deps.database.orm, orgId);
  const terms = history.map((item) => routingTerms(item.title, item.body));
  const examplesOf = (target: RoutingTarget): TrainingExample[] =>
    history.flatMap((item, index) => {
      const labels = target === 'category' ? (item.categoryId ? [item.categoryId] : []) : item.unitIds;
      return labels.length > 0 && terms[index].size > 0 ? [{ terms: terms[index], labels }] : [];
    });
  const trained = (['category', 'unit'] as const).map((target) => {
    const examples = examplesOf(target);
    const labelCount = new Set(examples.flatMap((example) => example.labels)).size;
    if (examples.length < MINIMUM_EXAMPLES || labelCount < 2) return { target, examples, model: null };
    return { target, examples, model: trainClassifier(examples) };
  });
  return deps.database.orm.transaction(async (tx) => {
    const outcome: TrainingOutcome = { category: null, unit: null };
    const trainedAt = deps.now().toISOString();
    for (const { target, examples, model } of trained) {
      await tx.delete(routingModels).where(and(eq(routingModels.orgId, orgId), eq(routingModels.target, target)));
      if (!model) continue;
      const summary = { labelCount: model.labels.length, featureCount: model.vocabulary.size, labels: model.labels };
      await tx.insert(routingModels).values({
        orgId,
        target,
        trainedAt,
        exampleCount: examples.length,
        summary,
        weights: encodeClassifier(model),
      });
      outcome[target] = { exampleCount: examples.length, labelCount: model.labels.length };
    }
    await recordEvent(tx, deps.config.auditHash, {
      orgId,
      type: 'routing.trained',
      summary: `训练分办模型：类别 ${outcome.category?.exampleCount ?? 0} 条、承办单位 ${outcome.unit?.exampleCount ?? 0} 条历史数据`,
      ...(actor ? { actor } : {}),
      subjectType: 'routing_model',
      after: outcome,
    });
    return outcome;
  });
}
