import { z } from 'zod';
import { RegionCode } from '../../domain/regions';
import { PersonRole } from '../../domain/roles';
import { StaffLanguage } from '../../domain/staff';

/**
 * Schemas of what the staff API answers: the source of the OpenAPI document's shapes and of the
 * console's types. Nothing here may import NestJS.
 */
export const StaffMemberSchema = z
  .object({
    staffId: z.string().meta({ description: 'The subject (`sub`) of the person’s bearer tokens: what case assignments name' }),
    displayName: z.string(),
    role: PersonRole,
    region: RegionCode,
    languages: z.array(StaffLanguage).meta({ description: 'Official languages the person works in' }),
    active: z.boolean().meta({ description: 'False once the person no longer takes cases' }),
    revision: z.number().int().meta({ description: 'Revision of the person’s stream; also the ETag' }),
    position: z.number().int().meta({ description: 'Global position of the last change: pass it as ?minPosition= to list your writes' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'StaffMember' });

export const StaffEntrySchema = StaffMemberSchema.extend({
  caseload: z.number().int().meta({ description: 'Open cases assigned to the person (among those the reader may know of)' }),
}).meta({ id: 'StaffEntry' });

export const StaffListSchema = z
  .object({ items: z.array(StaffEntrySchema).meta({ description: 'By display name' }) })
  .meta({ id: 'StaffList' });
