/** "Handbook: New Role File…" (handbookRoles.newRoleFile); the wizard is in commands/newRoleFile.ts. */
import * as vscode from 'vscode';
import type { Feature } from './featureContext';
import { loadNewRoleFile, registerLazyCommand } from './util/lazy';

export type { NewRoleFileResult } from './commands/newRoleFile';

export const registerNewRoleFile: Feature = (ctx) =>
  vscode.Disposable.from(
    registerLazyCommand('handbookRoles.newRoleFile', ctx, () => loadNewRoleFile().newRoleFileCommand),
    // On a role in the tree (or with a role reference): a new role file one level above it.
    registerLazyCommand('handbookRoles.newNextLevel', ctx, () => (c) => {
      const create = loadNewRoleFile().newRoleFileCommand(c);
      return async (arg?: unknown) => {
        const ref = typeof arg === 'string' ? arg : (arg as { role?: { id?: unknown } } | undefined)?.role?.id;
        if (typeof ref !== 'string') return create();
        try {
          return await create({ extends: ref });
        } catch (e) {
          void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
          return undefined;
        }
      };
    }),
  );
