/**
 * The language features that run only when asked — completion, quick fixes, hovers, document and
 * workspace symbols — in one module, which the Node extension loads on the first such request
 * (src/extension/lazyModules.json: `languageEngine`; src/extension/util/languageEngine.ts). Their
 * code, and the schema's documentation they quote, stay out of what activation loads.
 */
export { completionsAt } from './completion';
export { roleCard, schemaHover } from './hover';
export { quickFixesFor } from './quickFixes';
export { roleSymbols } from './symbols';
export { workspaceSymbols } from './workspaceSymbols';
export { useMessageBundle } from '../messages';
