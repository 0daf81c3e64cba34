/**
 * The language engine (completion, quick fixes, hovers, symbols), loaded on the first request
 * that needs it (src/extension/lazyModules.json; see lazy.ts). Its bundle carries its own copy of
 * the core's message formatting: it gets the display language's messages as activation's copy does.
 */
import * as vscode from 'vscode';
import { once } from './lazy';

export const languageEngine = once(() => {
  const engine = require('../../core/language/engine') as typeof import('../../core/language/engine');
  engine.useMessageBundle(vscode.l10n.bundle);
  return engine;
});
