import type { Actor } from '../../domain/roles';
import { demoStaff } from '../../domain/demo';
import type { RegionCode } from '../../domain/regions';

interface DirectoryEntry {
  readonly person: Actor;
  readonly displayName: string;
  readonly region: RegionCode;
  readonly languages: readonly ('en' | 'fr')[];
}

/**
 * The demo staff as the staff directory knows them: fictional names, and the region and official
 * languages each works in, so that the demo's pickers, staff page and workload show people by name
 * and the region and language rules have someone to choose among.
 */
export const DEMO_DIRECTORY: readonly DirectoryEntry[] = [
  { person: demoStaff.supervisor, displayName: 'Dominique Gagnon', region: 'ON', languages: ['en', 'fr'] },
  { person: demoStaff.practitioners[0], displayName: 'Alex Martin', region: 'ON', languages: ['en', 'fr'] },
  { person: demoStaff.practitioners[1], displayName: 'Maxime Côté', region: 'QC', languages: ['fr', 'en'] },
  { person: demoStaff.practitioners[2], displayName: 'Jordan Lee', region: 'BC', languages: ['en'] },
  { person: demoStaff.practitioners[3], displayName: 'Morgan MacDonald', region: 'NS', languages: ['en'] },
  { person: demoStaff.rju, displayName: 'Sasha Bouchard', region: 'ON', languages: ['en', 'fr'] },
  { person: demoStaff.mediators[0], displayName: 'Robin Taylor', region: 'ON', languages: ['en'] },
  { person: demoStaff.mediators[1], displayName: 'Claude Pelletier', region: 'QC', languages: ['fr', 'en'] },
  { person: demoStaff.auditor, displayName: 'Jamie Wilson', region: 'ON', languages: ['en', 'fr'] },
  { person: demoStaff.roAuditor, displayName: 'Charlie Fortin', region: 'ON', languages: ['en', 'fr'] },
  { person: demoStaff.admin, displayName: 'Kim Nguyen', region: 'ON', languages: ['en', 'fr'] },
];
