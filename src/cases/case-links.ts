import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { LinkedCaseNotFound, refusalAtField } from '../../domain/errors';
import { CASE_KEYWORD } from '../../domain/json-schema-keywords';
import type { Actor } from '../../domain/roles';
import type { CommandDefinition } from '../../domain/workflow';
import { PolicyService } from '../security/policy.service';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { CaseRepository } from './case-repository';

/** Where in a command's data a field names a case of a workflow: `engagementCaseIds[*]` is `['engagementCaseIds', '*']`. */
interface LinkField {
  readonly path: readonly string[];
  readonly workflow: string;
}

type JsonSchema = { readonly [keyword: string]: unknown };

/** The fields of a data schema marked `x-mend-case` with a workflow's name (a case of any workflow is not checked). */
function linkFields(schema: unknown, path: readonly string[] = []): LinkField[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const found: LinkField[] = typeof node[CASE_KEYWORD] === 'string' ? [{ path, workflow: node[CASE_KEYWORD] }] : [];
  for (const [key, child] of Object.entries((node['properties'] as JsonSchema | undefined) ?? {})) found.push(...linkFields(child, [...path, key]));
  found.push(...linkFields(node['items'], [...path, '*']));
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) for (const child of (node[keyword] as unknown[] | undefined) ?? []) found.push(...linkFields(child, path));
  return found;
}

/** The case ids `data` gives at a link field's path, each with where it is (`data.engagementCaseIds[1]`). */
function idsAt(value: unknown, path: readonly string[], at = 'data'): { id: string; field: string }[] {
  if (path.length === 0) return typeof value === 'string' ? [{ id: value, field: at }] : [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') return Array.isArray(value) ? value.flatMap((item, i) => idsAt(item, rest, `${at}[${i}]`)) : [];
  return value !== null && typeof value === 'object' && head in value ? idsAt((value as Record<string, unknown>)[head], rest, `${at}.${head}`) : [];
}

/**
 * The other cases a command names (an engagement session's Defence representative cohort, the
 * Restorative Engagement cases a cohort's session links), checked against the log: each must be
 * a case of the workflow its field names, or nothing is recorded. A link to a workflow the actor
 * may not know exists is not checked, so that the answer tells them nothing of its cases.
 */
@Injectable()
export class CaseLinkCheck {
  constructor(
    private readonly cases: CaseRepository,
    private readonly registry: WorkflowRegistry,
    private readonly policy: PolicyService,
  ) {}

  private readonly fields = new WeakMap<CommandDefinition, readonly LinkField[]>();

  /** Throws 422 CASE.LINK_NOT_FOUND, beside the field, for the first id no case of its workflow has. */
  async check(command: CommandDefinition, data: unknown, actor: Actor): Promise<void> {
    const links = this.linksOf(command);
    if (links.length === 0) return;
    const unknowable = this.policy.unknowableWorkflows(actor);
    for (const { path, workflow } of links) {
      if (unknowable.includes(workflow)) continue;
      const definition = this.registry.get(workflow);
      for (const { id, field } of idsAt(data, path)) {
        if ((await this.cases.locate(id))?.name === workflow) continue;
        const { en, fr } = definition.labels.title;
        throw refusalAtField(LinkedCaseNotFound, { caseId: id, workflow, title: en, titleFr: fr }, field);
      }
    }
  }

  private linksOf(command: CommandDefinition): readonly LinkField[] {
    let links = this.fields.get(command);
    if (!links) {
      links = linkFields(z.toJSONSchema(command.schema, { io: 'input', unrepresentable: 'any' }));
      this.fields.set(command, links);
    }
    return links;
  }
}
