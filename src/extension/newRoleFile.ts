/** "Handbook: New Role File…" (handbookRoles.newRoleFile); the wizard is in commands/newRoleFile.ts. */
import type { Feature } from './featureContext';
import { loadNewRoleFile, registerLazyCommand } from './util/lazy';

export type { NewRoleFileResult } from './commands/newRoleFile';

export const registerNewRoleFile: Feature = (ctx) => registerLazyCommand('handbookRoles.newRoleFile', ctx, () => loadNewRoleFile().newRoleFileCommand);
