/**
 * The language engine (completion, quick fixes, hovers, symbols), loaded on the first request
 * that needs it (src/extension/lazyModules.json; see lazy.ts).
 */
import { once } from './lazy';

export const languageEngine = once(() => require('../../core/language/engine') as typeof import('../../core/language/engine'));
