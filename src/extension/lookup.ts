/** "Handbook: Find Role…" (handbookRoles.findRole); the quick pick and the search are in commands/findRole.ts. */
import type { Feature } from './featureContext';
import { loadFindRole, registerLazyCommand } from './util/lazy';

export type { FoundRole } from './commands/findRole';

export const registerLookup: Feature = (ctx) => registerLazyCommand('handbookRoles.findRole', ctx, () => loadFindRole().findRoleCommand);
