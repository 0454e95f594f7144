import { z } from 'zod';
import { RegionCode } from '../../domain/regions';

/**
 * The holidays the business calendars skip: the source of the OpenAPI document's shapes and of the
 * console's types. Nothing here may import NestJS.
 */
export const HolidaySchema = z
  .object({
    date: z.string().meta({ description: 'The local date it is observed (taken) on, YYYY-MM-DD' }),
    actualDate: z.string().optional().meta({ description: 'Its own date, when it falls on a weekend and is taken on the next working day' }),
    name: z.string(),
    nameFr: z.string(),
  })
  .meta({ id: 'Holiday' });

export const HolidaysSchema = z
  .object({
    year: z.number().int(),
    regions: z.record(RegionCode, z.array(HolidaySchema)).meta({
      description: 'Each province’s and territory’s observed holidays that year, in date order: the federal ones, its own and the one-off days given off there (MEND_REGIONAL_HOLIDAYS, MEND_ONE_OFF_HOLIDAYS)',
    }),
  })
  .meta({ id: 'Holidays' });
