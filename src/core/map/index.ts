/** The responsibility map: the model, its opt-in findings and its Markdown export. */
export { buildResponsibilityMap } from './analyze';
export { mapFindings } from './findings';
export { mapToMarkdown } from './markdown';
export type * from './types';
/** The lazily loaded copy of core has its own message bundle (see ../messages.ts). */
export { useMessageBundle } from '../messages';
