import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { CaseAsOf } from '../../src/audit/as-of.service';
import { CaseRepository, toMachineEvent } from '../../src/cases/case-repository';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../src/event-store/event-store';
import { benchContext, scratchDir } from '../fixtures/bench-context';
import { CaseWriter, SUPERVISOR } from '../fixtures/complaint-cases';
import { figure, paired, perSecond, repeated, timed, type Figure, type Section } from '../report/figures';
import type { Profile } from '../profile';

/** The least a replay can do: XState's pure `transition` over the same events, nothing else. */
function rawReplay(definition: AnyWorkflowDefinition, events: readonly RecordedEvent[]): AnyMachineSnapshot {
  let [snapshot] = initialTransition(definition.machine);
  for (const event of events) [snapshot] = transition(definition.machine, snapshot, toMachineEvent(event));
  return snapshot;
}

export async function foldSection(profile: Profile, template: readonly RecordedEvent[]): Promise<Section> {
  const { fold } = profile;
  const dir = scratchDir('fold');
  const context = await benchContext(dir.path);
  try {
    const repository = context.get(CaseRepository);
    const store = context.get<EventStore>(EVENT_STORE);
    const long = await new CaseWriter(context).longComplaint(fold.caseEvents);
    const longEvents = await store.readStream(long.streamId);
    const figures: Figure[] = [];
    const histories: [string, readonly RecordedEvent[], number][] = [
      [`a complaint's life (${template.length} events)`, template, fold.replays * 50],
      [`a complaint with ${longEvents.length} events`, longEvents, fold.replays],
    ];
    for (const [label, events, replays] of histories) {
      const start = repository.fresh(long.definition, long.caseId);
      const [mend, raw] = await paired(
        profile.runs,
        async () => perSecond(replays * events.length, await timed(() => {
          for (let i = 0; i < replays; i++) repository.fold(start, events);
        })),
        async () => perSecond(replays * events.length, await timed(() => {
          for (let i = 0; i < replays; i++) rawReplay(long.definition, events);
        })),
      );
      figures.push(figure({ label: `fold ${label}`, unit: 'events/s', mend, baseline: { ...raw, label: 'raw XState transition loop' } }));
    }
    const asOf = context.get(CaseAsOf);
    const last = longEvents.length - 1;
    const [view, read] = await paired(
      fold.asOfRuns,
      () => timed(() => asOf.view(long.caseId, { revision: last }, SUPERVISOR)),
      () => timed(() => store.readStream(long.streamId)),
    );
    figures.push(figure({ label: `as-of view of the ${longEvents.length}-event case at its last revision`, unit: 'ms', better: 'lower', mend: view, baseline: { ...read, label: 'readStream of its events alone' } }));
    const middle = await repeated(fold.asOfRuns, () => timed(() => asOf.view(long.caseId, { revision: Math.floor(last / 2) }, SUPERVISOR)));
    figures.push(figure({ label: `as-of view of the ${longEvents.length}-event case halfway`, unit: 'ms', better: 'lower', mend: middle }));
    return {
      id: 'fold',
      title: 'Fold (replay through the machine) and as-of reconstruction',
      figures,
      notes: [
        'Mend’s fold is CaseRepository.fold: evolveCase (the machine must accept each event; clock events update the clocks), hash and position bookkeeping.',
        'Mend beats the raw loop because evolveCase folds a clock event itself, the machine only checked to be active (every workflow takes clock events at its root and nowhere else, so XState’s can need not be asked), where the raw loop runs XState’s full transition for every event; most events of these histories are clock events.',
        `The long case is a complaint whose response clock is paused and resumed ${Math.floor((longEvents.length - 6) / 2)} times, written through the case repository; as-of goes through the audit service (CaseAsOf.view: paged reads, fold, case view).`,
      ],
    };
  } finally {
    await context.close();
    dir.remove();
  }
}
