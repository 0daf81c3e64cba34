/** What every feature receives: the extension context, the live handbook and the log. */
import type * as vscode from 'vscode';
import type { HandbookWorkspace } from './handbookWorkspace';

/**
 * What features hand to the entry point (activate.ts), by name. A feature adds its own entry by
 * declaration merging, next to its code, so this file imports no feature:
 *
 *     declare module '../../featureContext' {
 *       interface Exposed { compare: CompareViewApi }
 *     }
 *
 * activate.ts exports `extendMarkdownIt` (the Markdown preview's hook) to VS Code, and the rest
 * only when the extension runs under tests (ExtensionMode.Test), as `testing`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Exposed {}

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  handbook: HandbookWorkspace;
  log: vscode.LogOutputChannel;
  /** Hands `value` to the entry point under `key` (see Exposed). */
  expose<K extends keyof Exposed>(key: K, value: Exposed[K]): void;
}

/** A feature: wires itself to VS Code and returns what undoes that. */
export type Feature = (ctx: FeatureContext) => vscode.Disposable;
