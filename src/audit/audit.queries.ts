import { z } from 'zod';
import { withFrench } from '../../domain/validation';
import { CaseId } from '../../domain/schemas';
import { EXPORT_FORMATS } from './export-format';
import { QueryInstant, queryInteger } from '../http/query-schemas';

const wholeNumber = queryInteger(0);
const limit = queryInteger(1, 1000).default(100);

/** The query strings of the audit routes: unknown parameters are refused, like unknown body fields. */
export const HistoryQuery = z.strictObject({ fromRevision: wholeNumber.default(0), limit });

export const StateQuery = z
  .strictObject({
    asOf: QueryInstant.optional(),
    revision: wholeNumber.optional(),
    /** Which time asOf is on: business time (occurredAt, the default) or recorded time (recordedAt). */
    axis: z.enum(['business', 'recorded']).optional(),
  })
  .refine((query) => query.axis === undefined || query.revision === undefined, {
    path: ['axis'],
    message: withFrench('is the time asOf is on: a revision is the same on either', 'est l’axe du temps d’asOf\u00a0: une révision est la même sur l’un et l’autre'),
  });

export const ExportQuery = z.strictObject({ format: z.enum(EXPORT_FORMATS).default('ndjson') });

export const VerifyQuery = z.strictObject({
  caseId: CaseId.optional(),
  checkpoint: z
    .string()
    .regex(
      /^(sha256:)?[0-9a-f]{64}$/,
      withFrench(
        'must be a checkpoint digest: 64 lower-case hexadecimal digits, optionally after sha256:',
        'doit être l’empreinte d’un point de contrôle\u00a0: 64\u00a0chiffres hexadécimaux en minuscules, précédés ou non de sha256:',
      ),
    )
    .transform((digest) => digest.replace(/^sha256:/, ''))
    .optional(),
});

export const AccessQuery = z
  .strictObject({
    caseId: CaseId.optional(),
    actorId: z.string().min(1).max(200).optional(),
    from: QueryInstant.optional(),
    to: QueryInstant.optional(),
    cursor: wholeNumber.optional(),
    limit,
  })
  .refine((query) => query.from === undefined || query.to === undefined || Date.parse(query.from) < Date.parse(query.to), {
    path: ['to'],
    message: withFrench('must be later than the “from” parameter', 'doit être postérieur au paramètre «\u00a0from\u00a0»'),
  });
