/**
 * The text of the built-in handbook (the seed's two roles), by path. Loaded when the built-in
 * roles are first shown, indexed or opened (src/extension/lazyModules.json; see builtinHandbook.ts):
 * a workspace with its own handbook never needs them.
 */
import cto from '../../builtin/roles/cto.md';
import headOfEngineering from '../../builtin/roles/head-of-engineering.md';

export const BUILTIN_TEXTS: ReadonlyMap<string, string> = new Map([
  ['/roles/cto.md', cto],
  ['/roles/head-of-engineering.md', headOfEngineering],
]);
