/**
 * Reads the extension's settings (the table, with each default, is src/core/settings.ts). A
 * resource-scoped setting (`handbookRoles.roleFiles`) is read for the folder or file it applies to,
 * so that per-folder settings of a multi-root workspace take effect.
 */
import * as vscode from 'vscode';
import { RESOURCE_SETTINGS, SETTINGS_SECTION, settingValue, type SettingKey, type SettingValue } from '../../core/settings';

/** The current value of a setting; `scope` is needed (and only used) for resource-scoped ones. */
export function setting<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingValue<K> {
  const resource = RESOURCE_SETTINGS.has(key) ? scope : undefined;
  return settingValue(key, vscode.workspace.getConfiguration(SETTINGS_SECTION, resource).get<unknown>(key));
}

/** Whether a configuration change touches one of `keys` (under `handbookRoles.`). */
export function affectsSetting(e: vscode.ConfigurationChangeEvent, ...keys: SettingKey[]): boolean {
  return keys.some((key) => e.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}
