import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * « Assigner » a case to someone is an anglicism in Canadian federal French: a case is « attribué »
 * (« Plainte attribuée », « Réattribuer le dossier », « Date d’attribution ») and a person is
 * « affecté » to it (« Affecter une médiatrice ou un médiateur »). Every French text the API and the
 * console show is written in these sources (labels, descriptions, error sentences, the console's
 * catalogue), so none of them may use a French form of « assigner ». English identifiers (assign,
 * assignee, reassigned) are not French forms and are not matched.
 */
const root = resolve(__dirname, '..', '..');
const ANGLICISM = /(?<!\p{L})(?:ré)?assign(?:é|ée|és|ées|er|ez|ons|ation|ations|e|es|ent)(?!\p{L})/giu;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function anglicismsIn(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) => [...line.matchAll(ANGLICISM)].map((match) => `${relative(root, path)}:${index + 1}: « ${match[0]} »`));
}

describe('French that says « attribuer » and « affecter », not « assigner »', () => {
  it('tells the French forms of « assigner » from the English identifiers', () => {
    const found = (text: string) => [...text.matchAll(ANGLICISM)].map((match) => match[0]);
    expect(found('Plainte assignée, Réassigner le dossier, Date d’assignation, assignez-la, l’assigner')).toEqual([
      'assignée',
      'Réassigner',
      'assignation',
      'assignez',
      'assigner',
    ]);
    expect(found('assign(), AssignHandler, assignees, previousAssigneeId, reassigned, assignment')).toEqual([]);
  });

  it('is used nowhere in the texts the API and the console show', () => {
    const files = ['src', 'domain', 'workflows', 'console/src'].flatMap((dir) => sources(join(root, dir)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(anglicismsIn)).toEqual([]);
  });
});
