import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { CaseHistory, Log } from '../../test/support/projection-history';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { complaintBoardProjection, projectBoardRow, type BoardRow } from './index';

const CASE_ID = '0190f3a0-0000-7000-8000-0000000000c1';
const SUPERVISOR = { id: 'supervisor-1', role: 'supervisor' } as const;
// Received Monday 2 March 2026, 10:00 in Ottawa (see the cases projection spec for the counting).
const RECEIVED = '2026-03-02T15:00:00Z';
const RESPONSE_1_DUE = '2026-04-15T21:00:00.000Z';
const RESPONSE_2_DUE = '2026-04-23T21:00:00.000Z';

const example = (definition: AnyWorkflowDefinition, command: string): Record<string, unknown> => ({
  ...definition.commands.find((c) => c.type === command)!.example,
});

function board() {
  const history = new CaseHistory(complaintWorkflow, CASE_ID);
  let row: BoardRow | undefined;
  const run = (command: string, data = example(complaintWorkflow, command), step = {}) => {
    for (const event of history.run(command, data, step)) row = projectBoardRow(row, event);
    return row!;
  };
  run('ReceiveComplaint', undefined, { at: RECEIVED });
  return { run, row: () => row! };
}

const visible = ({ record: _record, ...row }: BoardRow) => row;

describe('complaint board: a complaint through its levels of authority', () => {
  it('puts a new complaint at the first level, unassigned, with the response due there', () => {
    const { row } = board();
    expect(visible(row())).toEqual({
      case_id: CASE_ID,
      reference: null, // the events here carry none (test/e2e/staff-names.e2e.spec.ts reads a real one)
      level: 1,
      read_as: 'complaint',
      level_title: 'Regional program coordinator',
      level_title_fr: 'Coordination régionale du programme',
      state: 'received',
      status: 'open',
      region: 'ON',
      handler_id: null,
      response_due_at: RESPONSE_1_DUE,
      response_clock_status: 'running',
      acknowledgement_status: 'running',
      opened_at: '2026-03-02T15:00:00.000Z',
      updated_at: '2026-03-02T15:00:00.000Z',
    });
  });

  it('shows the acknowledgement met and the handler once assigned', () => {
    const { run } = board();
    expect(run('AcknowledgeComplaint')).toMatchObject({ state: 'acknowledged', acknowledgement_status: 'met', handler_id: null });
    expect(run('AssignHandler', { handlerId: 'handler-1' })).toMatchObject({ state: 'underReview', handler_id: 'handler-1', level: 1 });
    expect(run('Respond')).toMatchObject({ state: 'responded', response_clock_status: 'met', response_due_at: RESPONSE_1_DUE });
  });

  it('moves to level 2 on review: its title, a new response clock, and no handler until one is assigned', () => {
    const { run } = board();
    run('AcknowledgeComplaint');
    run('AssignHandler', { handlerId: 'handler-1' });
    run('Respond');
    const review = run('RequestReview', undefined, { at: '2026-03-10T15:00:00Z' });
    expect(review).toMatchObject({
      level: 2,
      level_title: 'Program manager',
      level_title_fr: 'Gestionnaire du programme',
      state: 'reviewRequested',
      handler_id: null,
      response_due_at: RESPONSE_2_DUE,
      response_clock_status: 'running',
      updated_at: '2026-03-10T15:00:00.000Z',
      opened_at: '2026-03-02T15:00:00.000Z',
    });
    expect(run('AssignHandler', { handlerId: 'handler-2' }).handler_id).toBe('handler-2');
    expect(run('AssignHandler', { handlerId: 'handler-3' }, { actor: SUPERVISOR }).handler_id).toBe('handler-3');
  });

  it('shows a paused response clock', () => {
    const { run } = board();
    run('AcknowledgeComplaint');
    expect(run('PauseClock').response_clock_status).toBe('paused');
  });

  it('keeps a resolved complaint, marked closed, when the complainant accepts the response', () => {
    const { run } = board();
    run('AcknowledgeComplaint');
    run('AssignHandler', { handlerId: 'handler-1' });
    run('Respond');
    expect(run('AcceptResponse')).toMatchObject({ state: 'resolved', status: 'closed', level: 1, response_clock_status: 'met' });
  });

  it('is closed when the complainant withdraws', () => {
    const { run } = board();
    const withdrawn = run('WithdrawComplaint');
    expect(withdrawn).toMatchObject({ status: 'closed', response_clock_status: 'cancelled', acknowledgement_status: 'cancelled' });
  });
});

describe('complaint board: which events it takes', () => {
  it('takes complaint events only', () => {
    const log = new Log();
    const complaint = new CaseHistory(complaintWorkflow, CASE_ID, log).run('ReceiveComplaint', example(complaintWorkflow, 'ReceiveComplaint'), { at: RECEIVED });
    const engagement = new CaseHistory(restorativeEngagementWorkflow, '0190f3a0-0000-7000-8000-0000000000c2', log).run(
      'ReceiveOptIn',
      example(restorativeEngagementWorkflow, 'ReceiveOptIn'),
    );
    // The runner hands a projection only the events of the workflows it lists.
    const reads = (event: { definition: { name: string } }) => complaintBoardProjection.workflows?.includes(event.definition.name) === true;
    expect(complaint.every(reads)).toBe(true);
    expect(engagement.some(reads)).toBe(false);
  });
});
