import { demoCollector, demoName, demoStaff, HOUR, iso, participant, practitioner, regionOf, started, step, then, upTo, type DemoScenario, type DemoStep } from '../../domain/demo';

/** A complaint through every level of the escalation chain, then closed. */
function complaintPath(n: number, levels: number, channel: 'electronic' | 'mail' = 'electronic'): DemoStep[] {
  const { supervisor } = demoStaff;
  const handler = (level: number) => practitioner(n + level - 1);
  const respond = (level: number) =>
    step(level * 25 - 5, handler(level), 'Respond', () => ({
      response: `Level ${level} response: we have looked into this and here is what will change.`,
      ...(level < levels
        ? { nextLevel: { name: demoName(level + 100), contact: `review-l${level + 1}@example.org` } }
        : {}),
    }));
  const steps: DemoStep[] = [
    step(0, supervisor, 'ReceiveComplaint', (at) => ({
      channel,
      receivedAt: iso(at, -HOUR),
      region: regionOf(n),
      complainant: participant('C', n),
      text: 'My preparation meeting was cancelled twice without notice and nobody called me back.',
    })),
    step(0.05, supervisor, 'AssignHandler', () => ({ handlerId: handler(1).id })),
    step(1, handler(1), 'AcknowledgeComplaint', () => ({ method: channel === 'mail' ? 'mail' : 'email' })),
    respond(1),
  ];
  for (let level = 2; level <= levels; level++) {
    steps.push(
      step(level * 25 - 24, handler(level - 1), 'RequestReview', () => ({ grounds: 'I still have not been told why it happened.' })),
      step(level * 25 - 23, supervisor, 'AssignHandler', () => ({ handlerId: handler(level).id })),
      respond(level),
    );
  }
  steps.push(step(levels * 25, handler(levels), 'CloseComplaint'));
  return steps;
}

/** Feedback that is not a complaint: recorded, acknowledged, noted; no clock runs. */
function feedback(n: number): DemoStep[] {
  const { supervisor } = demoStaff;
  return [
    step(0, supervisor, 'ReceiveComplaint', (at) => ({
      kind: 'feedback',
      channel: 'electronic',
      receivedAt: iso(at, -HOUR),
      region: regionOf(n),
      complainant: participant('F', n),
      text: 'The information session was clear and the facilitator was kind. Thank you.',
    })),
    step(1, supervisor, 'AcknowledgeComplaint', () => ({ method: 'email' })),
    step(2, supervisor, 'CloseComplaint'),
  ];
}

/**
 * Complaints placed so that, at the demo's present, some clocks run, some are warned, some
 * breached, some met or paused; with more than one level, reviews at level 2.
 */
export const complaintDemo: DemoScenario = ({ first, settings }) => {
  const demo = demoCollector(first);
  const levels = settings.escalationChain.length;
  const full = () => complaintPath(demo.n, levels);
  const acknowledged = () => upTo(full(), 3);
  demo.add('received today, acknowledgement clock running', upTo(full(), 1), 0.1);
  demo.add('received by mail, acknowledged', upTo(complaintPath(demo.n, levels, 'mail'), 3), 3);
  demo.add('never acknowledged: acknowledgement breached', upTo(full(), 2), 25);
  demo.add('never acknowledged: acknowledgement breached', upTo(full(), 2), 12);
  demo.add('acknowledged late, after its breach', then(full(), 2, step(6, practitioner(demo.n), 'AcknowledgeComplaint', () => ({ method: 'phone' }))), 14);
  demo.add('under review, response warned (50%)', acknowledged(), 20);
  demo.add('under review, response warned (80%)', acknowledged(), 27);
  demo.add('under review, response breached', acknowledged(), 70);
  demo.add('under review, response breached', acknowledged(), 55);
  demo.add(
    'response clock paused',
    then(full(), 3, step(4, practitioner(demo.n), 'PauseClock', () => ({ clock: 'response-1', reason: 'Awaiting the dates the complainant is available for a call.' }))),
    20,
  );
  demo.add('responded', upTo(full(), 4), 30);
  demo.add('response accepted', then(full(), 4, step(4, practitioner(demo.n), 'AcceptResponse')), 40);
  demo.add('withdrawn', then(full(), 3, step(5, practitioner(demo.n), 'WithdrawComplaint')), 20);
  if (levels > 1) {
    demo.add('review requested', upTo(full(), 5), 30);
    demo.add('under review at level 2', upTo(full(), 6), 38);
    demo.add('under review at level 2, response warned', upTo(full(), 6), 53);
  }
  demo.add('closed after every level', full(), started(full(), 10));
  demo.add('closed after every level', full(), started(full(), 25));
  // Responded 20 working days in, 35 working days (seven weeks) ago: the 30-day review window passed and the scheduler closed it.
  demo.add('review window passed without a review request: closed', upTo(full(), 4), 55);
  demo.add('feedback, noted', feedback(demo.n), 4);
  return demo.cases;
};
