/**
 * Reads the role schema (schemas/role.schema.json) by YAML path: the keys allowed at a place,
 * their documentation, enum values and their documentation. Hovers, completion and quick fixes
 * all take their words from here, so the schema stays the one source. The shape alone is in
 * schemaPaths.ts (re-exported here), which activation loads without the documentation.
 */
import schemaJson from '../../../schemas/role.schema.json';
import type { YamlPath } from '../yamlTree';
import { nodeAt, type SchemaNode } from './schemaPaths';

export { enumAt, isReferencePath, keysAt, objectSchemaAt, requiredAt, schemaAt, type SchemaNode } from './schemaPaths';

const DOCUMENTED = schemaJson as unknown as SchemaNode;

/** The documentation of the key (or value) at `path`, as Markdown. */
export function keyDocumentation(path: YamlPath): string | undefined {
  const node = nodeAt(DOCUMENTED, path);
  return node?.markdownDescription ?? node?.description;
}

/** The documentation of one enum value at `path`, as Markdown. */
export function enumValueDocumentation(path: YamlPath, value: string): string | undefined {
  const node = nodeAt(DOCUMENTED, path);
  const i = node?.enum?.indexOf(value) ?? -1;
  if (!node || i < 0) return undefined;
  return node.markdownEnumDescriptions?.[i] ?? node.enumDescriptions?.[i];
}
