import { attribute, ScimAttribute } from '../schema/ScimAttribute';
import { resolveAttributePath } from '../schema/resolveAttributePath';
import { ScimResourceType } from '../schema/resourceTypes';
import { invalidFilter } from './invalidFilter';
import { ALWAYS, Sql, sql, SqlDialect } from './sqlDialect';

/** An SQL expression holding a scalar attribute: a column or a JSON value. */
export interface Operand {
  expr: Sql;
  attribute: ScimAttribute;
  /** Holds lower-cased text already, so a case-insensitive test needs no lower(). */
  lowered?: boolean;
  /** A JSON scalar rather than a typed column (affects boolean literals). */
  json?: boolean;
}

/** A value the server fixes rather than stores; present where `when` holds. */
export interface KnownValue {
  value: string;
  when: Sql;
}

/** What an attribute path of a filter stands for in SQL. */
export type Target =
  | { kind: 'scalar'; operand: Operand }
  | { kind: 'known'; attribute: ScimAttribute; values: KnownValue[] }
  /** A single-valued complex attribute, a JSON object. */
  | { kind: 'object'; attribute: ScimAttribute; presence: Sql; scope: Scope }
  /** A multi-valued attribute: a condition holds when it holds for some element. */
  | {
      kind: 'many';
      attribute: ScimAttribute;
      /** The sub-attribute named in the path, as in `emails.value`. */
      sub?: string;
      exists: (elementCondition?: Sql) => Sql;
      scope: Scope;
    };

/** Resolves attribute paths; undefined when the path names nothing there. */
export interface Scope {
  resolve(path: string): Target | undefined;
}

const TABLES = { User: 'scim_users', Group: 'scim_groups' } as const;

/** Columns that mirror attributes, so that filters on them use the indexes. */
const COLUMNS: Record<
  ScimResourceType['name'],
  Record<string, { column: string; lowered?: boolean }>
> = {
  User: {
    id: { column: 'id' },
    userName: { column: 'user_name_norm', lowered: true },
    externalId: { column: 'external_id' },
    displayName: { column: 'display_name' },
    active: { column: 'active' },
    'meta.created': { column: 'created_at' },
    'meta.lastModified': { column: 'updated_at' },
  },
  Group: {
    id: { column: 'id' },
    displayName: { column: 'display_name_norm', lowered: true },
    externalId: { column: 'external_id' },
    'meta.created': { column: 'created_at' },
    'meta.lastModified': { column: 'updated_at' },
  },
};

/** Not part of any schema (RFC 7643 §3), yet RFC 7644 filters on it. */
const schemasAttribute = attribute(
  'schemas',
  'reference',
  'The schema URIs of the resource.',
  { multiValued: true },
);

const scalar = (
  expr: Sql,
  attr: ScimAttribute,
  options: Omit<Operand, 'expr' | 'attribute'> = {},
): Target => ({
  kind: 'scalar',
  operand: { expr, attribute: attr, ...options },
});

const findSubAttribute = (parent: ScimAttribute, name: string) =>
  parent.subAttributes?.find(a => a.name.toLowerCase() === name.toLowerCase());

/**
 * The attributes of `scim_users` or `scim_groups` rows: mirrored columns, the
 * JSON `data` column, and the membership table for `members`/`groups`.
 */
export function resourceScope(
  dialect: SqlDialect,
  resourceType: ScimResourceType,
): Scope {
  const table = TABLES[resourceType.name];
  const data = `${table}.data`;
  let aliases = 0;

  const jsonPresence = (path: string[]) => {
    const value = dialect.jsonValue(data, path);
    return sql(`${value.sql} IS NOT NULL`, ...value.bindings);
  };

  /** `members` of a group or `groups` of a user: rows of scim_group_members. */
  const membership = (parent: ScimAttribute, sub?: string): Target => {
    const alias = `m${++aliases}`;
    const ofGroup = resourceType.name === 'Group';
    const own = ofGroup ? 'group_id' : 'user_id';
    const other = `${alias}.${ofGroup ? 'user_id' : 'group_id'}`;
    const otherTable = ofGroup ? 'scim_users' : 'scim_groups';
    return {
      kind: 'many',
      attribute: parent,
      sub,
      exists: condition =>
        sql(
          `EXISTS (SELECT 1 FROM scim_group_members ${alias} WHERE ${alias}.${own} = ${table}.id${
            condition ? ` AND (${condition.sql})` : ''
          })`,
          ...(condition?.bindings ?? []),
        ),
      scope: {
        resolve: name => {
          const subAttribute = findSubAttribute(parent, name);
          switch (subAttribute?.name) {
            case 'value':
              // Ids are lower-case UUIDs: caseExact=false needs no lower(), and the key stays usable.
              return scalar(sql(other), subAttribute, { lowered: true });
            case 'display':
              return scalar(
                sql(
                  `(SELECT o.display_name FROM ${otherTable} o WHERE o.id = ${other})`,
                ),
                subAttribute,
              );
            case 'type':
              // Members are users only, and nested groups are not expanded.
              return {
                kind: 'known',
                attribute: subAttribute,
                values: [{ value: ofGroup ? 'User' : 'direct', when: ALWAYS }],
              };
            default:
              return undefined;
          }
        },
      },
    };
  };

  /** A multi-valued attribute stored as a JSON array of objects. */
  const jsonArray = (
    parent: ScimAttribute,
    path: string[],
    sub?: string,
  ): Target => {
    const alias = `e${++aliases}`;
    const elements = dialect.jsonElements(data, path, alias);
    return {
      kind: 'many',
      attribute: parent,
      sub,
      exists: condition =>
        sql(
          `EXISTS (SELECT 1 FROM ${elements.sql}${
            condition ? ` WHERE ${condition.sql}` : ''
          })`,
          ...elements.bindings,
          ...(condition?.bindings ?? []),
        ),
      scope: {
        resolve: name => {
          const subAttribute = findSubAttribute(parent, name);
          return subAttribute
            ? scalar(
                dialect.elementValue(alias, subAttribute.name),
                subAttribute,
                {
                  json: true,
                },
              )
            : undefined;
        },
      },
    };
  };

  /** A single-valued complex attribute stored as a JSON object. */
  const jsonObject = (parent: ScimAttribute, path: string[]): Target => ({
    kind: 'object',
    attribute: parent,
    presence: jsonPresence(path),
    scope: {
      resolve: name => {
        const subAttribute = findSubAttribute(parent, name);
        return subAttribute
          ? scalar(
              dialect.jsonValue(data, [...path, subAttribute.name]),
              subAttribute,
              { json: true },
            )
          : undefined;
      },
    },
  });

  const schemas: Target = {
    kind: 'known',
    attribute: schemasAttribute,
    values: [
      { value: resourceType.core.id, when: ALWAYS },
      ...resourceType.extensions.map(extension => ({
        value: extension.id,
        when: jsonPresence([extension.id]),
      })),
    ],
  };

  return {
    resolve: path => {
      if (path.toLowerCase() === 'schemas') {
        return schemas;
      }
      const resolved = resolveAttributePath(resourceType, path);
      if (!resolved) {
        return undefined;
      }
      const { attribute: attr, subAttribute } = resolved;
      const mirrored = resolved.extension
        ? undefined
        : COLUMNS[resourceType.name][resolved.path.join('.')];
      if (mirrored) {
        return scalar(
          sql(`${table}.${mirrored.column}`),
          subAttribute ?? attr,
          {
            lowered: mirrored.lowered,
          },
        );
      }
      if (attr.name === 'meta') {
        if (subAttribute?.name === 'resourceType') {
          return {
            kind: 'known',
            attribute: subAttribute,
            values: [{ value: resourceType.name, when: ALWAYS }],
          };
        }
        throw invalidFilter(
          `'${path}' cannot be filtered; meta.created, meta.lastModified and meta.resourceType can`,
        );
      }
      if (attr.multiValued) {
        const isMembership =
          attr.name === (resourceType.name === 'Group' ? 'members' : 'groups');
        return isMembership
          ? membership(attr, subAttribute?.name)
          : jsonArray(
              attr,
              resolved.path.slice(0, resolved.extension ? 2 : 1),
              subAttribute?.name,
            );
      }
      if (attr.type === 'complex' && !subAttribute) {
        return jsonObject(attr, resolved.path);
      }
      return scalar(
        dialect.jsonValue(data, resolved.path),
        subAttribute ?? attr,
        {
          json: true,
        },
      );
    },
  };
}
