/** "Handbook: Import Roles from Page…" (handbookRoles.importRoles); the import is in commands/importRoles.ts. */
import type { Feature } from './featureContext';
import { loadImportRoles, registerLazyCommand } from './util/lazy';

export type { ImportArgs, ImportOutcome } from './commands/importRoles';

export const registerImportRoles: Feature = (ctx) => registerLazyCommand('handbookRoles.importRoles', ctx, () => loadImportRoles().importRolesCommand);
