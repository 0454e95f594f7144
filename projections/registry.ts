import { casesProjection } from './cases';
import { complaintBoardProjection } from './complaint-board';
import type { ProjectionDefinition } from './projection';
import { slaClocksProjection } from './sla-clocks';
import { searchProjection } from './search';
import { staffProjection } from './staff';

/** Every read model Mend keeps. A new one is a folder, a projector in src/, and a line here. */
export const projectionDefinitions: readonly ProjectionDefinition[] = [casesProjection, complaintBoardProjection, slaClocksProjection, staffProjection, searchProjection];
