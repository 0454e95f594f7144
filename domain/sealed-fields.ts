/**
 * What a personal-data field reads when it is not shown (DESIGN.md §7): apart from the codec, so
 * that the console can tell these markers from what a person wrote.
 */
export const ERASED = '[erased]';
export const REDACTED = '[redacted]';
/** A sealed field whose ciphertext does not authenticate (it was altered): the hash chain names the event. */
export const UNREADABLE = '[unreadable]';

export const SEALED_MARKERS: readonly string[] = [ERASED, REDACTED, UNREADABLE];
