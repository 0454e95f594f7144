import { auditOpenApi } from '../audit/audit.openapi';
import { calendarOpenApi } from '../calendar/calendar.openapi';
import { consoleOpenApi } from '../console/console.openapi';
import { healthOpenApi } from '../health/health.openapi';
import { metricsOpenApi } from '../metrics/metrics.openapi';
import { privacyOpenApi } from '../privacy/privacy.openapi';
import { projectionsOpenApi } from '../projections/projections.openapi';
import { workOpenApi } from '../projections/work.openapi';
import { slaOpenApi } from '../sla/sla.openapi';
import { searchOpenApi } from '../search/search.openapi';
import { staffOpenApi } from '../staff/staff.openapi';
import type { OpenApiSection } from './openapi';

/** Each feature's OpenAPI paths, beyond the cases and workflows every build has. One line per feature. */
export const openApiSections: readonly OpenApiSection[] = [projectionsOpenApi, auditOpenApi, slaOpenApi, healthOpenApi, metricsOpenApi, consoleOpenApi, privacyOpenApi, staffOpenApi, searchOpenApi, workOpenApi, calendarOpenApi];
