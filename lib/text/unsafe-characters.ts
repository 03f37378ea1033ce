/**
 * Characters user text may not hold, said once for every form that takes it (comments, collection names and
 * notes, author names, followed keywords). Plain patterns, no imports: schemas on both sides use them.
 */

/** C0 and C1 control characters other than tab, line feed and carriage return: invisible, and a NUL cannot be stored. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Bidirectional overrides and isolates: they make a name read differently from what it is. */
export const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Every control character (tab and line breaks too) and the direction controls: never in a one-line name. */
export const NOT_IN_A_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
