/**
 * The one SQL rule for leaving out of a read model's rows the cases a reader may not know exist
 * (DESIGN.md §7, `ListScope.hiddenWorkflows`): by the workflow each case is read as, `read_as` —
 * its own, or the program a complaint about it concerns — never by its own workflow alone, or a
 * complaint about a confidential RO case would show in a departmental list, count or search.
 */
export const hideCases = (hiddenWorkflows: readonly string[], prefix = ''): string[] =>
  hiddenWorkflows.map((_, i) => `${prefix}read_as <> @hidden${i}`);

/** The parameters `hideCases` conditions read. */
export const hiddenCaseParams = (hiddenWorkflows: readonly string[]): Record<string, string> =>
  Object.fromEntries(hiddenWorkflows.map((workflow, i) => [`hidden${i}`, workflow]));
