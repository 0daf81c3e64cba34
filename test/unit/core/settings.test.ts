import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_ROLE_FILE_GLOBS, roleFileGlobMatcher, roleFileReason } from '../../../src/core/roleFiles';
import {
  RESOURCE_SETTINGS,
  SETTING_DEFAULTS,
  SETTING_ENUMS,
  SETTINGS_SECTION,
  settingValue,
  type SettingKey,
} from '../../../src/core/settings';

interface Contributed {
  default: unknown;
  enum?: string[];
  scope?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Contributed> } };
};
const contributed = manifest.contributes.configuration.properties;

describe('settings: one table (src/core/settings.ts) that package.json agrees with', () => {
  it('lists every contributed setting, and no other', () => {
    assert.deepStrictEqual(
      Object.keys(SETTING_DEFAULTS)
        .map((k) => `${SETTINGS_SECTION}.${k}`)
        .sort(),
      Object.keys(contributed).sort(),
    );
  });

  for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) {
    it(`${key}: the same default, allowed values and scope as package.json`, () => {
      const c = contributed[`${SETTINGS_SECTION}.${key}`];
      assert.deepStrictEqual(SETTING_DEFAULTS[key], c.default);
      assert.deepStrictEqual(SETTING_ENUMS[key], c.enum);
      assert.strictEqual(RESOURCE_SETTINGS.has(key), c.scope === 'resource');
    });
  }

  it('reads a value of the wrong shape as the default', () => {
    assert.deepStrictEqual(settingValue('roleFiles', ['docs/**/*.md']), ['docs/**/*.md']);
    assert.deepStrictEqual(settingValue('roleFiles', 'docs/**/*.md'), DEFAULT_ROLE_FILE_GLOBS);
    assert.deepStrictEqual(settingValue('roleFiles', ['a', 3]), DEFAULT_ROLE_FILE_GLOBS);
    assert.strictEqual(settingValue('validation.linkSeverity', 'hint'), 'hint');
    assert.strictEqual(settingValue('validation.linkSeverity', 'loud'), 'warning');
    assert.strictEqual(settingValue('showBuiltinHandbook', undefined), 'whenEmpty');
    assert.strictEqual(settingValue('overlaps.enable', 'yes'), false);
    assert.strictEqual(settingValue('codeLens.enable', false), false);
  });
});

describe('role files: the one rule (src/core/roleFiles.ts)', () => {
  it('matches the default glob, and an empty list means the default', () => {
    for (const globs of [undefined, []]) {
      const m = roleFileGlobMatcher(globs);
      assert.strictEqual(m('roles/cto.md'), true);
      assert.strictEqual(m('handbook/roles/eng/em.md'), true);
      assert.strictEqual(m('docs/cto.md'), false);
      assert.strictEqual(m('.hidden/roles/cto.md'), false);
    }
  });

  it('uses the globs it is given instead of the default', () => {
    const m = roleFileGlobMatcher(['team/*.md']);
    assert.strictEqual(m('team/lead.md'), true);
    assert.strictEqual(m('roles/cto.md'), false);
  });

  it('a role file by its path, or by a frontmatter that names a role', () => {
    assert.strictEqual(roleFileReason(true, '# Notes\n'), 'glob');
    assert.strictEqual(roleFileReason(false, '---\nrole: cto\ntitle: CTO\n---\n'), 'frontmatter');
    assert.strictEqual(roleFileReason(false, '---\ntitle: A page\n---\n# Notes\n'), undefined);
  });
});
