/**
 * The role schema's shape by YAML path: the keys allowed at a place, the required ones, enum
 * values. Read from the schema without its documentation (src/core/generated/roleSchemaOutline.json,
 * made from schemas/role.schema.json by scripts/build-validator.js), so that what needs only the
 * shape (finding the key or value under the cursor) does not carry the documentation; the
 * documentation is read in schemaDocs.ts, by the same paths.
 */
import schemaOutline from '../generated/roleSchemaOutline.json';
import { own } from '../own';
import type { YamlPath } from '../yamlTree';

export interface SchemaNode {
  type?: string;
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  markdownEnumDescriptions?: string[];
  enumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
}

const OUTLINE = schemaOutline as unknown as SchemaNode;

/** The object branch of a node that may be `oneOf` a string and an object (responsibility items). */
function objectBranch(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.properties) return node;
  return node.oneOf?.find((b) => b.type === 'object' || b.properties);
}

function child(node: SchemaNode | undefined, seg: string | number): SchemaNode | undefined {
  if (!node) return undefined;
  if (typeof seg === 'number') return node.items;
  const obj = objectBranch(node);
  const direct = obj?.properties && own(obj.properties, seg);
  if (direct) return direct;
  for (const [pattern, sub] of Object.entries(obj?.patternProperties ?? {})) {
    if (new RegExp(pattern).test(seg)) return sub;
  }
  return undefined;
}

/** The node of `root` (the schema, or its outline) at a path (`['relationships', 0, 'kind']`). */
export function nodeAt(root: SchemaNode, path: YamlPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const seg of path) node = child(node, seg);
  return node;
}

/** The schema of the value at a path, if the schema knows it (its shape: no documentation). */
export function schemaAt(path: YamlPath): SchemaNode | undefined {
  return nodeAt(OUTLINE, path);
}

/** The object schema that holds keys at `path` (the top level for `[]`), if it is an object. */
export function objectSchemaAt(path: YamlPath): SchemaNode | undefined {
  return objectBranch(schemaAt(path));
}

/** Keys an object at `path` may have, in schema order. */
export function keysAt(path: YamlPath): string[] {
  return Object.keys(objectSchemaAt(path)?.properties ?? {});
}

export function requiredAt(path: YamlPath): string[] {
  return objectSchemaAt(path)?.required ?? [];
}

/** Allowed values of the enum at `path`. */
export function enumAt(path: YamlPath): string[] | undefined {
  return schemaAt(path)?.enum;
}

/** Whether the value at `path` is a list of role references. */
export function isReferencePath(path: YamlPath): boolean {
  return (
    (path.length === 1 && path[0] === 'extends') ||
    (path.length === 2 && path[0] === 'sharesSuccessCriteriaOf' && typeof path[1] === 'number') ||
    (path.length === 3 && path[0] === 'relationships' && typeof path[1] === 'number' && path[2] === 'with')
  );
}
