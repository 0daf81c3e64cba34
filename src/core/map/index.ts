/** The responsibility map: the model, its opt-in findings and its Markdown export. */
export { buildResponsibilityMap } from './analyze';
export { mapFindings } from './findings';
export { mapToMarkdown } from './markdown';
export type * from './types';
