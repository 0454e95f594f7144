import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { LinkedCaseNotFound, refusalAtField } from '../../domain/errors';
import { CASE_KEYWORD, CASE_PURPOSE_KEYWORD, CASE_WORKFLOW_FIELD_KEYWORD } from '../../domain/json-schema-keywords';
import type { Actor } from '../../domain/roles';
import type { CommandDefinition } from '../../domain/workflow';
import { PolicyService } from '../security/policy.service';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { CaseRepository } from './case-repository';

/**
 * Where in a command's data a field names a case of a workflow: `engagementCaseIds[*]` is
 * `['engagementCaseIds', '*']`. The workflow is the one named, or the one a field beside it names (`workflowField`).
 */
type LinkField = { readonly path: readonly string[]; readonly purpose?: string } & ({ readonly workflow: string } | { readonly workflowField: string });

type JsonSchema = { readonly [keyword: string]: unknown };

/** The fields of a data schema marked `x-mend-case` with a workflow, or with the field that names it (a case of any workflow is not checked). */
function linkFields(schema: unknown, path: readonly string[] = []): LinkField[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const marked = node[CASE_KEYWORD];
  const workflowField = node[CASE_WORKFLOW_FIELD_KEYWORD];
  const purpose = typeof node[CASE_PURPOSE_KEYWORD] === 'string' ? { purpose: node[CASE_PURPOSE_KEYWORD] } : {};
  const found: LinkField[] =
    typeof marked === 'string' ? [{ path, workflow: marked, ...purpose }] : typeof workflowField === 'string' ? [{ path, workflowField, ...purpose }] : [];
  for (const [key, child] of Object.entries((node['properties'] as JsonSchema | undefined) ?? {})) found.push(...linkFields(child, [...path, key]));
  found.push(...linkFields(node['items'], [...path, '*']));
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) for (const child of (node[keyword] as unknown[] | undefined) ?? []) found.push(...linkFields(child, path));
  return found;
}

/** The case ids `data` gives at a link field's path, each with where it is (`data.engagementCaseIds[1]`) and the object holding it. */
function idsAt(value: unknown, path: readonly string[], at = 'data', holder: unknown = undefined): { id: string; field: string; holder: unknown }[] {
  if (path.length === 0) return typeof value === 'string' ? [{ id: value, field: at, holder }] : [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') return Array.isArray(value) ? value.flatMap((item, i) => idsAt(item, rest, `${at}[${i}]`, value)) : [];
  return value !== null && typeof value === 'object' && head in value ? idsAt((value as Record<string, unknown>)[head], rest, `${at}.${head}`, value) : [];
}

/**
 * The other cases a command names (an engagement session's Defence representative cohort, the
 * Restorative Engagement cases a cohort's session links, the case a complaint is about), checked
 * against the log: each must be a case of the workflow its field (or the field beside it) names, or
 * nothing is recorded; a case named for a purpose (`caseOf(workflow, { for })`) must allow it in its
 * state, as its workflow's `linkedFor` says. A link to a workflow the actor may not know exists is
 * not checked, so that the answer tells them nothing of its cases.
 */
@Injectable()
export class CaseLinkCheck {
  constructor(
    private readonly cases: CaseRepository,
    private readonly registry: WorkflowRegistry,
    private readonly policy: PolicyService,
  ) {}

  private readonly fields = new WeakMap<CommandDefinition, readonly LinkField[]>();

  /**
   * Throws 422 CASE.LINK_NOT_FOUND, beside the field, for the first id no case of its workflow has,
   * or the linked workflow's refusal for the first case that does not allow what it is named for.
   */
  async check(command: CommandDefinition, data: unknown, actor: Actor): Promise<void> {
    const links = this.linksOf(command);
    if (links.length === 0) return;
    const unknowable = this.policy.unknowableWorkflows(actor);
    const named: { id: string; field: string; workflow: string; purpose?: string }[] = [];
    for (const link of links) {
      for (const { id, field, holder } of idsAt(data, link.path)) {
        const workflow = 'workflow' in link ? link.workflow : this.workflowBeside(holder, link.workflowField);
        // A link to a workflow the actor may not know of tells them nothing, whether or not its case exists.
        if (workflow === undefined || unknowable.includes(workflow)) continue;
        if ((await this.cases.locate(id))?.name !== workflow) {
          const { en, fr } = this.registry.get(workflow).labels.title;
          throw refusalAtField(LinkedCaseNotFound, { caseId: id, workflow, title: en, titleFr: fr }, field);
        }
        named.push({ id, field, workflow, ...(link.purpose !== undefined ? { purpose: link.purpose } : {}) });
      }
    }
    // Every case named exists: then whether each allows what it is named for.
    for (const { id, field, workflow, purpose } of named) {
      if (purpose === undefined) continue;
      const linked = await this.cases.load(id);
      const allows = linked.definition.linkedFor?.[purpose];
      if (!allows) throw new Error(`Workflow ${workflow} version ${linked.definition.version} does not say when its cases may be named for ${purpose}`);
      const refusal = allows(linked.state, { caseId: id, field });
      if (refusal) throw refusal;
    }
  }

  /** The workflow a field beside the link names, if it names a registered one (the command's own checks refuse any other). */
  private workflowBeside(holder: unknown, field: string): string | undefined {
    if (holder === null || typeof holder !== 'object') return undefined;
    const value = (holder as Record<string, unknown>)[field];
    return typeof value === 'string' && this.registry.find(value) ? value : undefined;
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
