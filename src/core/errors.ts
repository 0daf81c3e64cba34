/**
 * What to say about something thrown. `errorMessage` for the user (a notification, a CLI line: no
 * stack trace there); `errorDetail` for the log, where the stack is what finds the bug.
 */

/** An Error's message, or the thrown value as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** For the log: an Error's stack (which starts with its name and message), or the value as text. */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
}
