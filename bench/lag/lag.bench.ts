import { assignedComplaints, caughtUp, projectionLag, startServer, type Server } from '../http/http.bench';
import { figure, measured, type Section } from '../report/figures';
import type { Profile } from '../profile';

const SAMPLE_EVERY_MS = 250;
/** Commands are sent on this tick, as many each time as the target rate has made due. */
const TICK_MS = 10;
/** Bounded: no event waited longer than this for its projections… */
const MAX_LAG_SECONDS = 2;
/** …and the backlog at the end is no larger than at mid-run, give or take this much of the rate's work. */
const GROWTH_SLACK_SECONDS = 0.25;

interface LagSample {
  readonly at: number;
  readonly events: number;
  readonly seconds: number;
}

interface Step {
  readonly rate: number;
  readonly sent: number;
  /** Commands that fell due while every case had one in flight: not sent. */
  readonly skipped: number;
  readonly failed: number;
  readonly achieved: number;
  readonly samples: readonly LagSample[];
  readonly maxEvents: number;
  readonly maxSeconds: number;
  readonly midEvents: number;
  readonly endEvents: number;
  readonly bounded: boolean;
}

/**
 * PauseClock and ResumeClock at `rate` commands per second for `seconds`, open loop: commands go
 * out when due, whatever the server's answers; a case has one command in flight at most (so none
 * is refused for a race), and a command falling due while every case is busy is skipped: the
 * achieved rate then falls short of the target. Projection lag is sampled from GET /projections meanwhile.
 */
async function step(server: Server, caseIds: readonly string[], rate: number, seconds: number): Promise<Step> {
  const free = caseIds.map((id) => ({ id, paused: false }));
  const headers = { authorization: `Bearer ${server.tokens.handler}`, 'content-type': 'application/json' };
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let failed = 0;
  const send = () => {
    const held = free.pop()!;
    sent += 1;
    const [command, body] = held.paused ? ['ResumeClock', { clock: 'response-1' }] : ['PauseClock', { clock: 'response-1', reason: 'Awaiting the complainant.' }];
    const request: Promise<void> = fetch(`${server.baseUrl}/cases/${held.id}/commands/${command}`, { method: 'POST', headers, body: JSON.stringify(body) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) held.paused = !held.paused;
        else failed += 1;
      })
      .catch(() => {
        failed += 1;
      })
      .finally(() => {
        free.push(held);
        inFlight.delete(request);
      });
    inFlight.add(request);
  };

  const samples: LagSample[] = [];
  const started = performance.now();
  const ends = started + seconds * 1000;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const lag = await projectionLag(server);
      if (lag) samples.push({ at: (performance.now() - started) / 1000, ...lag });
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  let scheduled = 0;
  let skipped = 0;
  while (performance.now() < ends) {
    const due = Math.floor((rate * (performance.now() - started)) / 1000) - scheduled;
    for (let i = 0; i < due; i++) {
      scheduled += 1;
      if (free.length > 0) send();
      else skipped += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const elapsed = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  await Promise.all(inFlight);
  // Leaves every clock running, so the next step starts from the same state.
  for (const held of free.filter((c) => c.paused)) {
    await fetch(`${server.baseUrl}/cases/${held.id}/commands/ResumeClock`, { method: 'POST', headers, body: JSON.stringify({ clock: 'response-1' }) }).then((r) => r.arrayBuffer());
  }

  const events = samples.map((s) => s.events);
  const maxEvents = Math.max(0, ...events);
  const maxSeconds = Math.max(0, ...samples.map((s) => s.seconds));
  const midEvents = samples.find((s) => s.at >= seconds / 2)?.events ?? 0;
  const endEvents = samples.at(-1)?.events ?? 0;
  const bounded = maxSeconds <= MAX_LAG_SECONDS && endEvents <= midEvents + Math.max(1, rate * GROWTH_SLACK_SECONDS);
  return { rate, sent, skipped, failed, achieved: (sent - failed) / elapsed, samples, maxEvents, maxSeconds, midEvents, endEvents, bounded };
}

/** The largest sustained command rate at which the projections keep up: steps of fixed rates, lag sampled throughout. */
export async function lagSection(profile: Profile): Promise<Section> {
  const { lag } = profile;
  const server = await startServer();
  try {
    const caseIds = await assignedComplaints(server, lag.cases);
    const steps: Step[] = [];
    for (const rate of lag.rates) {
      await caughtUp(server);
      steps.push(await step(server, caseIds, rate, lag.seconds));
    }
    // Sustained: the lag stayed bounded and the server kept up with the rate (within 10%).
    const sustained = steps.filter((s) => s.bounded && s.failed === 0 && s.achieved >= 0.9 * s.rate);
    const highest = sustained.length > 0 ? Math.max(...sustained.map((s) => s.rate)) : undefined;
    return {
      id: 'lag',
      title: `Projection lag under steady HTTP commands: ${lag.rates.join(', ')} commands/s, ${lag.seconds} s each, lag sampled every ${SAMPLE_EVERY_MS} ms`,
      figures: steps.map((s) =>
        figure({
          label: `${s.rate}/s: lag max ${s.maxEvents} ev ${s.maxSeconds.toFixed(2)} s, mid ${s.midEvents}, end ${s.endEvents}${s.bounded ? '' : ' UNBOUNDED'}`,
          unit: 'cmd/s',
          mend: measured([s.achieved]),
          details: {
            targetRate: s.rate,
            sent: s.sent,
            skipped: s.skipped,
            failed: s.failed,
            maxLagEvents: s.maxEvents,
            maxLagSeconds: s.maxSeconds,
            midLagEvents: s.midEvents,
            endLagEvents: s.endEvents,
            bounded: s.bounded,
            // The lag curve: seconds into the step, events behind, age of the oldest unprojected event.
            curve: s.samples.map((sample) => [Number(sample.at.toFixed(2)), sample.events, Number(sample.seconds.toFixed(3))]),
          },
        }),
      ),
      notes: [
        highest !== undefined
          ? `Highest sustained rate with bounded lag: ${highest} commands/s.`
          : 'No rate was sustained with bounded lag (the lowest step already fell behind or failed).',
        `Bounded means: no sampled lag older than ${MAX_LAG_SECONDS} s, and the backlog at the end of the step at most the one at mid-step plus ${GROWTH_SLACK_SECONDS} s of the rate's commands; sustained also means every command succeeded and at least 90% of the target rate went out.`,
        `Open-loop PauseClock/ResumeClock commands from this process over ${lag.cases} cases, one command in flight per case; the app in a child process as in the http section. Lag is GET /projections: the log's head position minus each projection's checkpoint (the largest), and the age of the oldest unprojected event.`,
        'Each step starts with every projection caught up. The Mend column is the achieved rate of successful commands; a step whose achieved rate falls short of its target found the HTTP server\'s limit, not the projections\'.',
      ],
    };
  } finally {
    await server.stop();
  }
}
