/**
 * The extension's settings, each with its default once (package.json's `contributes.configuration`
 * must say the same: test/unit/core/settings.test.ts holds the two equal), its allowed values and
 * whether it is read per resource. src/extension/util/settings.ts reads them through VS Code; this
 * table is pure, for the tests and the CLI.
 */
import { DEFAULT_ROLE_FILE_GLOBS } from './roleFiles';

export const SETTINGS_SECTION = 'handbookRoles';

export type BuiltinMode = 'whenEmpty' | 'always' | 'never';
export type LinkSeverity = 'error' | 'warning' | 'information' | 'hint' | 'ignore';

/** Every setting under `handbookRoles.`, with its default. */
export const SETTING_DEFAULTS = {
  roleFiles: DEFAULT_ROLE_FILE_GLOBS,
  showBuiltinHandbook: 'whenEmpty' as BuiltinMode,
  'validation.enable': true,
  'validation.linkSeverity': 'warning' as LinkSeverity,
  'validation.linksInAllMarkdown': false,
  'overlaps.enable': false,
  'codeLens.enable': true,
  'rename.renameFile': false,
  'rolesTree.groupByLadder': false,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K];

/** The values a string setting accepts (package.json's `enum`). */
export const SETTING_ENUMS: Partial<Record<SettingKey, readonly string[]>> = {
  showBuiltinHandbook: ['whenEmpty', 'always', 'never'],
  'validation.linkSeverity': ['error', 'warning', 'information', 'hint', 'ignore'],
};

/**
 * Settings of scope `resource`: they may differ per workspace folder (and per file), so they are
 * read with the file or folder they apply to. The others are window-wide.
 */
export const RESOURCE_SETTINGS: ReadonlySet<SettingKey> = new Set<SettingKey>(['roleFiles']);

/** `value` as the setting's type, or its default when it is missing or of another shape. */
export function settingValue<K extends SettingKey>(key: K, value: unknown): SettingValue<K> {
  const fallback = SETTING_DEFAULTS[key];
  if (Array.isArray(fallback)) {
    return (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback) as SettingValue<K>;
  }
  if (typeof value !== typeof fallback) return fallback;
  const allowed = SETTING_ENUMS[key];
  if (allowed && !allowed.includes(value as string)) return fallback;
  return value as SettingValue<K>;
}
