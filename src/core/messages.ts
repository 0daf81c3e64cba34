/**
 * Finding messages are written as `l10n.t(template, ...args)` of `@vscode/l10n` where they are
 * made, so that `npm run l10n` extracts their templates into the bundle translators work from.
 * Unconfigured (the CLIs, the tests) it formats the English template: CLI output stays English.
 * The extension loads the bundle of VS Code's display language into it (`useMessageBundle`), so
 * the diagnostics the editor shows are translated. Pure: no I/O here, the host passes the bundle.
 */
import * as l10n from '@vscode/l10n';

/** " Did you mean "x"?" after a message, when there is a suggestion. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length ? ` ${l10n.t('Did you mean "{0}"?', suggestions[0])}` : '';
}

/**
 * Loads the messages of one language (the contents of `l10n/bundle.l10n.<lang>.json`, as VS Code
 * gives them in `vscode.l10n.bundle`), or back to English with `undefined`. Each bundle that
 * carries core code (the extension, a lazily loaded module) has its own copy of `@vscode/l10n`
 * and is configured through its own export of this function.
 */
export function useMessageBundle(bundle: Record<string, string> | undefined): void {
  l10n.config({ contents: bundle ?? {} });
}
