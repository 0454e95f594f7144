/**
 * The keywords Mend adds to the JSON Schemas it publishes, so that a client shows or asks for a
 * value as what it is (OpenAPI extensions: `x-` keywords are a client's to read or ignore). Each is
 * set to `true` on a field's schema, unless it says otherwise. Free of imports: the console reads them from here.
 */

/**
 * A staff member's id: forms offer a pick of staff, and views name the person. `true`, or the roles
 * whose people the field names (`["rju"]`: an intake officer is a Restorative Justice Unit officer);
 * for `true`, a pick of the roles the workflow assigns its cases to; for `[]`, someone outside the
 * staff directory, whose id is typed.
 */
export const STAFF_ID_KEYWORD = 'x-mend-staff';

/**
 * A data subject's id, opaque (a person a case is about): views name the person as the case records
 * them. `true` for anyone the case records; `<Event>.<field>` for the people one event records at
 * one field (the support persons agreed): forms offer a pick of those only.
 */
export const SUBJECT_KEYWORD = 'x-mend-subject';

/**
 * A field asked for unless the yes-or-no field beside it that this names is yes (a client's name,
 * unless the client is anonymous): required while that field is not true, left out when it is.
 * Forms show it only while it is asked for, marked required.
 */
export const UNLESS_KEYWORD = 'x-mend-unless';

/** A clock's key within its case (`response-1`): named by its workflow's clock label. */
export const CLOCK_KEY_KEYWORD = 'x-mend-clock';

/** A state of the workflow's machine, by its dotted path (`phase2.engaging`): named by its state label. */
export const STATE_KEYWORD = 'x-mend-state';

/** A local date and time with no offset (`2026-03-02T09:30`), as a wall clock read it: written the reader's way, in no zone. */
export const LOCAL_TIME_KEYWORD = 'x-mend-local-time';

/** A share of a whole, from 0 to 1 (a warning threshold's share of a clock's time): written as a percentage. */
export const SHARE_KEYWORD = 'x-mend-share';

/** A length of time in milliseconds (the business time a clock spent paused): written in hours, minutes and seconds. */
export const DURATION_MS_KEYWORD = 'x-mend-duration-ms';

/** A workflow's name (`restorative-engagement`), a program Mend runs: named by its title (GET /workflows). */
export const WORKFLOW_KEYWORD = 'x-mend-workflow';

/**
 * The id of a record its case made earlier (an engagement, a registration), as `<Event>.<field>`:
 * the event that made it and where that event's data holds its id. Forms offer a pick of the
 * case's records; views name the record by the event that made it and when.
 */
export const RECORD_KEYWORD = 'x-mend-record';

/**
 * The id of another case: the name of the workflow whose case it is (an engagement session's
 * Defence representative cohort), or `true` for a case of any. Views name the case by its
 * reference where the reader may list it; forms offer a pick of the cases the reader may list.
 */
export const CASE_KEYWORD = 'x-mend-case';

/**
 * Beside `x-mend-case: true`: the field of the same object that names the case's workflow (a
 * complaint's `concerns.program` for its `concerns.caseId`), so the case must be one of that workflow's.
 */
export const CASE_WORKFLOW_FIELD_KEYWORD = 'x-mend-case-workflow-field';

/**
 * Beside `x-mend-case: <workflow>`: what the case is named for (`engagementSession`), which that
 * workflow's `linkedFor` answers from the case's state: a step may name only a case that allows it.
 */
export const CASE_PURPOSE_KEYWORD = 'x-mend-case-for';

/**
 * A fact of a case's `details` that, when true, calls for a supervisor's attention (a cohort left
 * with fewer representatives than its minimum): `GET /cases?attention=true` lists the cases it
 * marks, and the supervisor's dashboard shows them, by the fact's label.
 */
export const ATTENTION_KEYWORD = 'x-mend-attention';
