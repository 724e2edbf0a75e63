import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicationDecisions } from '../../../contracts/publication.ts';
import { isNamedEventType } from '../../../web/src/features/audit/event-types.ts';
import { appraisalWorkflow } from '../appraisal/appraisal.workflow.ts';
import { keyProposalWorkflow } from '../key-proposals/key-proposals.workflow.ts';
import { coSignerWorkflow, proposalWorkflow } from '../proposals/proposals.workflow.ts';

const serverRoot = join(import.meta.dirname, '..', '..');

/** Every non-test TypeScript file under server/ (test helpers record made-up types such as test.changed). */
function serverSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === 'migrations' ? [] : serverSources(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('test') ? [path] : [];
  });
}

const literalEventType = /'([a-z_]+\.[a-z_]+)'/g;

/**
 * The literal event types in the server's sources: every 'category.name' string on a `type:` line (the object given
 * to recordEvent, and the helpers' inputs that become it: record-export, download-audit, the dictionary's eventOf;
 * both branches of a ternary are on the line) and the values of the `eventTypes` maps the account actions index.
 */
function literalEventTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of serverSources(serverRoot)) {
    const text = readFileSync(file, 'utf8');
    const typeLines = text.split('\n').filter((line) => /\btype: /.test(line));
    const maps = [...text.matchAll(/const eventTypes\b[^=]*=\s*\{([^}]*)\}/g)].map((match) => match[1]);
    for (const chunk of [...typeLines, ...maps]) {
      for (const match of chunk.matchAll(literalEventType)) found.set(match[1], relative(serverRoot, file));
    }
  }
  return found;
}

/**
 * The types built at run time from a workflow or a decision, each family enumerated from the same table the action
 * uses, so a new state or decision is covered the day it is added:
 * `appraisal.${transition.to}` (move-appraisal), `key_proposal.${transition.to}` (decide-key-proposal),
 * `proposal.co_signer_${transition.to}` (act-on-co-signer), `proposal.${transition.to}` for the handling moves
 * (reply-sent's moveProposal: record_reply, reopen, close) and `publication.${decision}` (decide-publication).
 */
function builtEventTypes(): string[] {
  const handlingMoves = new Set(['record_reply', 'reopen', 'close']);
  return [
    ...appraisalWorkflow.transitions.map((transition) => `appraisal.${transition.to}`),
    ...keyProposalWorkflow.transitions.map((transition) => `key_proposal.${transition.to}`),
    ...coSignerWorkflow.transitions.map((transition) => `proposal.co_signer_${transition.to}`),
    ...proposalWorkflow.transitions
      .filter((transition) => handlingMoves.has(transition.action))
      .map((transition) => `proposal.${transition.to}`),
    ...publicationDecisions.map((decision) => `publication.${decision}`),
  ];
}

describe('the audit log names every event type the server records', () => {
  it('finds the template-built types in the sources it enumerates', () => {
    const sources = serverSources(serverRoot).map((file) => readFileSync(file, 'utf8'));
    const templates = sources.flatMap((text) =>
      [...text.matchAll(/type: `([a-z_]+\.[^`]*\$\{[^`]*)`/g)].map((match) => match[1].replace(/\$\{[^}]*\}/g, '*')),
    );
    // Each placeholder shows as *. A new template-built type must be added to builtEventTypes() above.
    expect(new Set(templates)).toEqual(
      new Set(['appraisal.*', 'key_proposal.*', 'proposal.co_signer_*', 'proposal.*', 'publication.*']),
    );
  });

  it('has a Chinese name for each', () => {
    const literals = literalEventTypes();
    expect(literals.size).toBeGreaterThan(80);
    const unnamed = [...literals].filter(([type]) => !isNamedEventType(type)).map(([type, file]) => `${type} (${file})`);
    const unnamedBuilt = builtEventTypes().filter((type) => !isNamedEventType(type));
    expect([...unnamed, ...unnamedBuilt]).toEqual([]);
  });
});
