import { z } from 'zod';
import { RegionCode } from '../../../domain/regions';
import { Instant, StaffId, SubjectId } from '../../../domain/schemas';

export const RequestReceived = z.strictObject({
  type: z.literal('RequestReceived'),
  data: z.strictObject({
    receivedAt: Instant,
    region: RegionCode,
    topic: z.enum(['restorativeEngagement', 'complaints', 'other']),
    requester: z.strictObject({ subjectId: SubjectId, name: z.string().min(1).max(200), contact: z.string().min(1).max(500) }),
  }),
});
export const OfficerAssigned = z.strictObject({ type: z.literal('OfficerAssigned'), data: z.strictObject({ officerId: StaffId }) });
export const RequestAnswered = z.strictObject({
  type: z.literal('RequestAnswered'),
  data: z.strictObject({ requesterId: SubjectId, answer: z.string().min(1).max(5000) }),
});
export const RequestClosed = z.strictObject({ type: z.literal('RequestClosed'), data: z.strictObject({}) });

export const InformationRequestEvent = z.discriminatedUnion('type', [RequestReceived, OfficerAssigned, RequestAnswered, RequestClosed]);
export type InformationRequestEvent = z.infer<typeof InformationRequestEvent>;
