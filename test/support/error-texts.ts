import { errorCatalog, type ErrorKind } from '../../domain/errors';
import { workflowDefinitions } from '../../workflows/registry';
import { frenchTypographyFaults } from './french-typography';

/** Every registered command's technical name (`AssignMediator`). */
const COMMAND_TYPES = [...new Set(workflowDefinitions.flatMap((definition) => definition.commands.map((c) => c.type)))];

/**
 * A workflow's refusals, as people read them: the codes it defines under its prefix (`RE.`), each
 * explained by an English and a different French sentence with every parameter filled in, the
 * French set as French is printed. `params` is one set of parameters every text of the workflow can
 * read. Call it inside a `describe`.
 */
export function itExplainsItsErrors(prefix: string, codes: readonly string[], params: object, kind?: ErrorKind): void {
  const errors = [...errorCatalog().values()].filter((error) => error.code.startsWith(prefix));

  it(`defines its rules under the ${prefix} prefix`, () => expect(errors.map((e) => e.code).sort()).toEqual([...codes].sort()));

  it.each(errors.map((e) => [e.code, e] as const))('%s is explained in English and in French', (_code, error) => {
    if (kind) expect(error.kind).toBe(kind);
    const en = error(params as never).messageIn('en');
    const fr = error(params as never).messageIn('fr');
    expect(en.length).toBeGreaterThan(20);
    expect(fr.length).toBeGreaterThan(20);
    expect(fr).not.toEqual(en);
    expect(`${en} ${fr}`).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(frenchTypographyFaults(fr)).toEqual([]);
    // A step it asks for is named as people see it on the console, not by the command's technical name.
    expect([en, fr].flatMap((text) => COMMAND_TYPES.filter((type) => new RegExp(`\\b${type}\\b`).test(text)))).toEqual([]);
  });
}
