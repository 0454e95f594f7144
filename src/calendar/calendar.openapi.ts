import { errors, json, queryParam as query, ref, type OpenApiSection } from '../http/openapi';
import { HolidaySchema, HolidaysSchema } from './calendar.schemas';
import { SUPPORTED_YEARS } from '../../domain/schemas';

export const calendarOpenApi: OpenApiSection = {
  tags: [{ name: 'calendar', description: 'The business calendar the SLA clocks count on' }],
  schemas: { Holiday: HolidaySchema, Holidays: HolidaysSchema },
  paths: {
    '/calendar/holidays': {
      get: {
        operationId: 'getHolidays',
        tags: ['calendar'],
        summary: 'Each region’s observed holidays in a year: the days business clocks skip',
        description: 'For every role. Business days are Monday to Friday, less these; deadlines fall at the end of business hours (MEND_BUSINESS_HOURS) in the region’s time zone.',
        parameters: [{ ...query('year', `${SUPPORTED_YEARS.from}–${SUPPORTED_YEARS.to}`, { type: 'integer', minimum: SUPPORTED_YEARS.from, maximum: SUPPORTED_YEARS.to }), required: true }],
        responses: { '200': { description: 'The year’s holidays by region', content: json(ref('Holidays')) }, ...errors(400, 401, 403) },
      },
    },
  },
};
