/**
 * Reads the role schema (schemas/role.schema.json, through roleSchema) by YAML path: the keys
 * allowed at a place, their documentation, enum values and their documentation. Hovers,
 * completion and quick fixes all take their words from here, so the schema stays the one source.
 */
import { own } from '../own';
import { roleSchema } from '../schema';
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

const ROOT = roleSchema as unknown as SchemaNode;

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

/** The schema of the value at a path (`['relationships', 0, 'kind']`), if the schema knows it. */
export function schemaAt(path: YamlPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = ROOT;
  for (const seg of path) node = child(node, seg);
  return node;
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

/** The documentation of the key (or value) at `path`, as Markdown. */
export function keyDocumentation(path: YamlPath): string | undefined {
  const node = schemaAt(path);
  return node?.markdownDescription ?? node?.description;
}

/** Allowed values of the enum at `path`. */
export function enumAt(path: YamlPath): string[] | undefined {
  return schemaAt(path)?.enum;
}

/** The documentation of one enum value at `path`, as Markdown. */
export function enumValueDocumentation(path: YamlPath, value: string): string | undefined {
  const node = schemaAt(path);
  const i = node?.enum?.indexOf(value) ?? -1;
  if (!node || i < 0) return undefined;
  return node.markdownEnumDescriptions?.[i] ?? node.enumDescriptions?.[i];
}

/** Whether the value at `path` is a list of role references. */
export function isReferencePath(path: YamlPath): boolean {
  return (
    (path.length === 1 && path[0] === 'extends') ||
    (path.length === 2 && path[0] === 'sharesSuccessCriteriaOf' && typeof path[1] === 'number') ||
    (path.length === 3 && path[0] === 'relationships' && typeof path[1] === 'number' && path[2] === 'with')
  );
}
