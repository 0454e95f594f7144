import { Controller, Get, Headers, Param } from '@nestjs/common';
import { CLOCK_EVENT_DEFINITIONS } from '../../domain/clocks/events';
import type { Language } from '../../domain/errors';
import type { AnyWorkflowDefinition, Bilingual } from '../../domain/workflow';
import { preferredLanguage } from '../http/language';
import { jsonSchema } from '../http/openapi';
import { RequirePermission } from '../security/require-permission.decorator';
import { mermaidDiagram, stateNames } from './diagram';
import { WorkflowNotFound } from './workflow-errors';
import { WorkflowRegistry } from './workflow-registry';

const inLanguage = (texts: Readonly<Record<string, Bilingual>>, language: Language): Record<string, string> =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text[language]]));

/**
 * What a client needs to drive a workflow: its states, its commands with JSON Schemas, its
 * diagram, and the names people read (of the workflow, its states, commands, events, fields and
 * choices), in the caller's language.
 */
export function describeWorkflow(definition: AnyWorkflowDefinition, language: Language = 'en') {
  const { labels } = definition;
  const states = stateNames(definition);
  return {
    name: definition.name,
    version: definition.version,
    language,
    title: labels.title[language],
    description: labels.description[language],
    category: definition.category,
    openingCommand: definition.openingCommand,
    readScope: { ...definition.readScope },
    states,
    stateLabels: Object.fromEntries(states.map((state) => [state, labels.states[state]?.[language] ?? state])),
    eventLabels: inLanguage(labels.events, language),
    fieldLabels: inLanguage(labels.fields, language),
    valueLabels: inLanguage(labels.values, language),
    commands: definition.commands.map((command) => ({
      name: command.type,
      label: labels.commands[command.type]?.[language] ?? command.type,
      description: command.description[language],
      records: command.primaryEvent,
      schema: jsonSchema(command.schema),
      example: command.example,
      ...(command.assigns ? { assigns: true } : {}),
      ...(command.restates ? { restates: [...command.restates] } : {}),
      grants: { ...command.grants },
    })),
    clocks: (definition.clocks ?? []).map((clock) => ({
      key: clock.key,
      label: clock.label[language],
      basis: clock.basis,
      metBy: [...clock.metBy],
      ...(clock.pausable === false ? { pausable: false as const } : {}),
    })),
    // The shared clock events too, for a workflow that starts clocks: a case's history shows them.
    events: [...definition.events, ...((definition.clocks ?? []).length > 0 ? CLOCK_EVENT_DEFINITIONS : [])].map((event) => ({
      type: event.type,
      description: event.description[language],
      schema: jsonSchema(event.schema),
      personalData: (event.personalData ?? []).map((group) => ({ subject: group.subject, fields: [...group.fields], ...(group.corrects ? { corrects: group.corrects } : {}) })),
      ...(event.ends !== undefined ? { ends: event.ends } : {}),
    })),
    details: jsonSchema(definition.details),
    diagram: mermaidDiagram(definition),
  };
}

@Controller('workflows')
@RequirePermission('workflows.read')
export class WorkflowsController {
  constructor(private readonly registry: WorkflowRegistry) {}

  @Get()
  list(@Headers('accept-language') acceptLanguage?: string) {
    const language = preferredLanguage(acceptLanguage);
    // Every version: cases opened on an earlier version still run on it (and their forms follow it).
    return this.registry.all().map((definition) => describeWorkflow(definition, language));
  }

  @Get(':name')
  one(@Param('name') name: string, @Headers('accept-language') acceptLanguage?: string) {
    if (!this.registry.names().includes(name)) {
      throw WorkflowNotFound({ workflow: name.slice(0, 100), known: this.registry.names().join(', ') });
    }
    // The latest version: the one new cases open on.
    return describeWorkflow(this.registry.get(name), preferredLanguage(acceptLanguage));
  }
}
