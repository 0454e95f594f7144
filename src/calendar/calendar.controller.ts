import { Controller, Get, Inject, Query } from '@nestjs/common';
import { z } from 'zod';
import type { CalendarProvider } from '../../domain/calendar/types';
import { RegionCode } from '../../domain/regions';
import { SUPPORTED_YEARS } from '../../domain/schemas';
import { parseInput } from '../../domain/validation';
import { queryInteger } from '../http/query-schemas';
import { RequirePermission } from '../security/require-permission.decorator';
import { CALENDARS } from '../workflows/tokens';
import type { HolidaysSchema } from './calendar.schemas';

/** Any year a date may fall in: the years a clock may count in. */
const HolidaysQuery = z.strictObject({ year: queryInteger(SUPPORTED_YEARS.from, SUPPORTED_YEARS.to) });

/**
 * The business calendar the SLA clocks count on: which days are holidays in each region. The
 * console counts business days to a due time with it, as the server does; holidays are public.
 */
@Controller('calendar')
@RequirePermission('calendar.read')
export class CalendarController {
  constructor(@Inject(CALENDARS) private readonly calendars: CalendarProvider) {}

  @Get('holidays')
  holidays(@Query() raw: unknown): z.infer<typeof HolidaysSchema> {
    const { year } = parseInput(HolidaysQuery, raw ?? {}, 'query');
    const regions = Object.fromEntries(RegionCode.options.map((region) => [region, this.calendars.forRegion(region).holidays(year).map((holiday) => ({ ...holiday }))]));
    return { year, regions: regions as z.infer<typeof HolidaysSchema>['regions'] };
  }
}
