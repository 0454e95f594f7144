/** Commands that assign or reassign a case, by the workflows' naming (AssignHandler, ReassignPractitioner, ReassignCase…). */
export const isAssignment = (command: string): boolean => /^(Re)?[Aa]ssign/.test(command);
