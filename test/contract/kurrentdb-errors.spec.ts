import { UnknownError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError } from '../../src/event-store/event-store';
import { toStoreError } from '../../src/event-store/kurrentdb-mapping';

// Fault injection without a server: errors shaped as the client hands them over.
describe('KurrentDB errors the adapter maps (fault injection)', () => {
  it.each(['Server is not ready', 'Too busy'])('"%s" inside a batch-append reply is a transient 503, not an unknown 500', (message) => {
    const mapped = toStoreError(new UnknownError(undefined, message), { streamId: 'complaint-1', expected: 0 });
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('an error it does not know stays as the client gave it', () => {
    const error = new UnknownError(undefined, 'something else');
    expect(toStoreError(error)).toBe(error);
  });
});
