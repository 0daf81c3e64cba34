/**
 * Loads the page importer on first use. In the Node host it is a separate bundle
 * (dist/importer.js, with its Markdown parser) so that activation does not pay for it; the web
 * bundle carries it inline.
 */
import type * as ImporterModule from '../../core/import';

declare const __WEB__: boolean;

export type Importer = typeof ImporterModule;

export function loadImporter(): Promise<Importer> {
  // `__WEB__` is a build-time constant: esbuild keeps one branch. The computed path keeps it from
  // inlining the module into dist/extension.js.
  return __WEB__ ? import('../../core/import') : Promise.resolve(require(`${__dirname}/importer.js`) as Importer);
}
