/**
 * Diagnostics of many files in few messages. `DiagnosticCollection.set(entries)` sends its files to
 * the workbench in one message, where `set(uri, list)` sends one per file (after a scan: one per
 * role file). But VS Code sends at most 1,100 diagnostics per call (`maxDiagnosticsTotal` =
 * 1.1 × 1,000 per file, ExtHostDiagnostics in VS Code 1.100) and silently drops the files after the
 * one that passes it, so the entries go in runs of at most MAX_DIAGNOSTICS_PER_CALL.
 */

/** Diagnostics per `set(entries)` call: under VS Code's 1,100, leaving room for its per-file note. */
export const MAX_DIAGNOSTICS_PER_CALL = 1000;

/**
 * Splits entries (a file and its diagnostics; undefined clears the file) into runs whose diagnostics
 * total at most `max`, in order. An entry over `max` alone is a run of its own, and a run of one
 * entry is best sent with `set(uri, list)`: `set(entries)` spreads each list onto the stack
 * (`push(...list)` in VS Code 1.100), and a file of 200,000 diagnostics overflowed it.
 */
export function diagnosticBatches<K, D>(
  entries: readonly (readonly [K, readonly D[] | undefined])[],
  max = MAX_DIAGNOSTICS_PER_CALL,
): [K, D[] | undefined][][] {
  const runs: [K, D[] | undefined][][] = [];
  let run: [K, D[] | undefined][] = [];
  let total = 0;
  for (const [key, list] of entries) {
    const n = list?.length ?? 0;
    if (run.length > 0 && total + n > max) {
      runs.push(run);
      run = [];
      total = 0;
    }
    run.push([key, list ? [...list] : undefined]);
    total += n;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
