/** Injection tokens for what decisions depend on. */
export const CALENDARS = Symbol('CalendarProvider');
export const SETTINGS = Symbol('MendSettings');
