import { Knex } from 'knex';
import { Filter } from 'scim2-parse-filter';
import { ScimError } from '../ScimError';
import { ScimAttribute } from '../schema/ScimAttribute';
import { resolveAttributePath } from '../schema/resolveAttributePath';
import { ScimResourceType } from '../schema/resourceTypes';
import { dialectOf, joinSql, Sql, sql, SqlDialect } from './sqlDialect';

type Value = string | number | boolean | null;

const invalidFilter = (detail: string) =>
  new ScimError(400, detail, 'invalidFilter');

/** Something a comparison can run against: a column or a JSON scalar. */
interface Operand {
  expr: Sql;
  attribute: ScimAttribute;
  /** Stored lower-cased already (the `*_norm` columns). */
  lowered?: boolean;
  /** A JSON scalar rather than a typed column (affects boolean literals). */
  json?: boolean;
}

/** Where the attributes of a filter are looked up. */
interface Scope {
  /** Resolves an attribute path; undefined when unknown in this scope. */
  resolve(path: string): Target | undefined;
}

/** What a path resolves to. */
type Target =
  | { kind: 'scalar'; operand: Operand }
  /** A complex single-valued attribute stored as a JSON object. */
  | { kind: 'object'; attribute: ScimAttribute; presence: Sql; scope: Scope }
  /** A multi-valued attribute: conditions hold for some element. */
  | {
      kind: 'many';
      attribute: ScimAttribute;
      exists: (condition?: Sql) => Sql;
      scope: Scope;
      sub?: string;
    };

/** Columns that mirror attributes, so their filters use the indexes. */
const COLUMNS: Record<
  'User' | 'Group',
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

const TABLES = { User: 'scim_users', Group: 'scim_groups' };

class FilterTranslator {
  private aliasCount = 0;
  private readonly table: string;

  constructor(
    private readonly dialect: SqlDialect,
    private readonly resourceType: ScimResourceType,
  ) {
    this.table = TABLES[resourceType.name];
  }

  translate(filter: Filter): Sql {
    return this.node(filter, this.resourceScope());
  }

  private node(filter: Filter, scope: Scope): Sql {
    const f = filter as any;
    switch (f.op) {
      case 'and':
      case 'or':
        return joinSql(
          f.filters.map((child: Filter) => this.node(child, scope)),
          f.op === 'and' ? ' AND ' : ' OR ',
        );
      case 'not': {
        const inner = this.node(f.filter, scope);
        return sql(`NOT (${inner.sql})`, ...inner.bindings);
      }
      case '[]':
        return this.valuePath(f.attrPath, f.valFilter, scope);
      case 'pr':
        return this.presence(this.target(f.attrPath, scope));
      default:
        return this.comparison(
          this.target(f.attrPath, scope),
          f.op,
          f.compValue,
        );
    }
  }

  private target(path: string, scope: Scope): Target {
    const target = scope.resolve(path);
    if (!target) {
      throw invalidFilter(`Unknown attribute '${path}' in filter`);
    }
    return target;
  }

  private valuePath(path: string, inner: Filter, scope: Scope): Sql {
    const target = this.target(path, scope);
    if (target.kind === 'scalar' || (target.kind === 'many' && target.sub)) {
      throw invalidFilter(`'${path}' is not a complex attribute`);
    }
    const condition = this.node(inner, target.scope);
    return target.kind === 'many'
      ? target.exists(condition)
      : sql(
          `(${target.presence.sql}) AND (${condition.sql})`,
          ...target.presence.bindings,
          ...condition.bindings,
        );
  }

  private presence(target: Target): Sql {
    switch (target.kind) {
      case 'many':
        return target.sub
          ? target.exists(this.scalarPresence(this.subOperand(target)))
          : target.exists();
      case 'object':
        return target.presence;
      default:
        return this.scalarPresence(target.operand);
    }
  }

  private scalarPresence({ expr, attribute }: Operand): Sql {
    return attribute.type === 'string' || attribute.type === 'reference'
      ? sql(
          `(${expr.sql} IS NOT NULL AND ${expr.sql} <> '')`,
          ...expr.bindings,
          ...expr.bindings,
        )
      : sql(`${expr.sql} IS NOT NULL`, ...expr.bindings);
  }

  private comparison(target: Target, op: string, value: Value): Sql {
    if (target.kind === 'many') {
      return target.exists(this.compare(this.subOperand(target), op, value));
    }
    if (target.kind === 'object') {
      // `manager eq "id"` compares the object's `value`, as RFC 7644 does for complex attributes.
      const implicit = target.scope.resolve('value');
      if (!implicit || implicit.kind !== 'scalar') {
        throw invalidFilter(
          `'${target.attribute.name}' is complex: compare one of its sub-attributes`,
        );
      }
      return this.compare(implicit.operand, op, value);
    }
    return this.compare(target.operand, op, value);
  }

  private subOperand(target: Extract<Target, { kind: 'many' }>): Operand {
    const sub = target.scope.resolve(target.sub ?? 'value');
    if (!sub || sub.kind !== 'scalar') {
      throw invalidFilter(
        `'${target.attribute.name}' has no sub-attribute '${
          target.sub ?? 'value'
        }'`,
      );
    }
    return sub.operand;
  }

  private compare(operand: Operand, op: string, value: Value): Sql {
    const { expr, attribute } = operand;
    if (value === null) {
      // `eq null` means unassigned (RFC 7643 §2.5); `ne null` means present.
      const present = this.scalarPresence(operand);
      if (op === 'eq') return sql(`NOT (${present.sql})`, ...present.bindings);
      if (op === 'ne') return present;
      throw invalidFilter(`'${op}' cannot compare with null`);
    }
    if (attribute.type === 'boolean') {
      if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne')) {
        throw invalidFilter(
          `'${attribute.name}' is a boolean: use eq or ne with true or false`,
        );
      }
      const literal = operand.json
        ? this.dialect.jsonBoolean(value)
        : this.dialect.columnBoolean(value);
      return op === 'eq'
        ? sql(`${expr.sql} = ?`, ...expr.bindings, literal)
        : sql(
            `(${expr.sql} IS NULL OR ${expr.sql} <> ?)`,
            ...expr.bindings,
            ...expr.bindings,
            literal,
          );
    }
    if (typeof value !== 'string') {
      throw invalidFilter(
        `'${attribute.name}' is a ${attribute.type}: compare it with a string`,
      );
    }
    let text = value;
    if (attribute.type === 'dateTime') {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        throw invalidFilter(`'${value}' is not a dateTime`);
      }
      text = date.toISOString();
    }
    const caseInsensitive =
      !attribute.caseExact && attribute.type !== 'dateTime';
    const subject =
      caseInsensitive && !operand.lowered
        ? sql(`lower(${expr.sql})`, ...expr.bindings)
        : expr;
    if (caseInsensitive) {
      text = text.toLowerCase();
    }
    switch (op) {
      case 'eq':
        return sql(`${subject.sql} = ?`, ...subject.bindings, text);
      case 'ne':
        return sql(
          `(${expr.sql} IS NULL OR ${subject.sql} <> ?)`,
          ...expr.bindings,
          ...subject.bindings,
          text,
        );
      case 'co':
      case 'sw':
      case 'ew': {
        if (text === '') {
          return sql(`${expr.sql} IS NOT NULL`, ...expr.bindings);
        }
        const test = { co: 'contains', sw: 'startsWith', ew: 'endsWith' }[
          op
        ] as 'contains' | 'startsWith' | 'endsWith';
        return this.dialect[test](subject, text);
      }
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le': {
        const operator = { gt: '>', ge: '>=', lt: '<', le: '<=' }[op];
        return this.dialect.compare(subject, operator, text);
      }
      default:
        throw invalidFilter(`Unknown operator '${op}'`);
    }
  }

  /** Attributes of the resource itself. */
  private resourceScope(): Scope {
    const data = `${this.table}.data`;
    return {
      resolve: path => {
        const resolved = resolveAttributePath(this.resourceType, path);
        if (!resolved) return undefined;
        const { attribute, subAttribute } = resolved;
        const mirrored =
          COLUMNS[this.resourceType.name][resolved.path.join('.')];
        if (mirrored && !resolved.extension) {
          return {
            kind: 'scalar',
            operand: {
              expr: sql(`${this.table}.${mirrored.column}`),
              attribute: subAttribute ?? attribute,
              lowered: mirrored.lowered,
            },
          };
        }
        if (attribute.name === 'meta') {
          return undefined; // only created/lastModified are filterable
        }
        if (attribute.multiValued) {
          return this.many(
            attribute,
            resolved.path.slice(0, resolved.extension ? 2 : 1),
            subAttribute?.name,
          );
        }
        if (subAttribute || attribute.type !== 'complex') {
          return {
            kind: 'scalar',
            operand: {
              expr: this.dialect.jsonValue(data, resolved.path),
              attribute: subAttribute ?? attribute,
              json: true,
            },
          };
        }
        const objectPath = resolved.path;
        return {
          kind: 'object',
          attribute,
          presence: this.scalarPresence({
            expr: this.dialect.jsonValue(data, objectPath),
            attribute,
          }),
          scope: this.subScope(attribute, name =>
            this.dialect.jsonValue(data, [...objectPath, name]),
          ),
        };
      },
    };
  }

  /** A multi-valued attribute: group members and user groups live in the membership table. */
  private many(attribute: ScimAttribute, path: string[], sub?: string): Target {
    const membership =
      (this.resourceType.name === 'Group' && attribute.name === 'members') ||
      (this.resourceType.name === 'User' && attribute.name === 'groups');
    const alias = `e${++this.aliasCount}`;
    if (membership) {
      const own = this.resourceType.name === 'Group' ? 'group_id' : 'user_id';
      const other = this.resourceType.name === 'Group' ? 'user_id' : 'group_id';
      const otherTable =
        this.resourceType.name === 'Group' ? 'scim_users' : 'scim_groups';
      const columns: Record<string, string> = {
        value: `${alias}.${other}`,
        display: `(SELECT o.display_name FROM ${otherTable} o WHERE o.id = ${alias}.${other})`,
      };
      return {
        kind: 'many',
        attribute,
        sub,
        exists: condition =>
          sql(
            `EXISTS (SELECT 1 FROM scim_group_members ${alias} WHERE ${alias}.${own} = ${
              this.table
            }.id${condition ? ` AND (${condition.sql})` : ''})`,
            ...(condition?.bindings ?? []),
          ),
        scope: this.subScope(
          attribute,
          name => (columns[name] ? sql(columns[name]) : undefined),
          false,
        ),
      };
    }
    const elements = this.dialect.jsonElements(
      `${this.table}.data`,
      path,
      alias,
    );
    return {
      kind: 'many',
      attribute,
      sub,
      exists: condition =>
        sql(
          `EXISTS (SELECT 1 FROM ${elements.sql}${
            condition ? ` WHERE ${condition.sql}` : ''
          })`,
          ...elements.bindings,
          ...(condition?.bindings ?? []),
        ),
      scope: this.subScope(attribute, name =>
        this.dialect.elementValue(alias, name),
      ),
    };
  }

  /** Sub-attributes of a complex attribute, as expressions built by `expression`. */
  private subScope(
    attribute: ScimAttribute,
    expression: (name: string) => Sql | undefined,
    json = true,
  ): Scope {
    return {
      resolve: path => {
        const sub = attribute.subAttributes?.find(
          a => a.name.toLowerCase() === path.toLowerCase(),
        );
        const expr = sub && expression(sub.name);
        if (!sub || !expr) return undefined;
        return { kind: 'scalar', operand: { expr, attribute: sub, json } };
      },
    };
  }
}

/**
 * Translates a parsed SCIM filter into one parameterised SQL condition on
 * `scim_users` or `scim_groups`: mirrored columns for the attributes Entra
 * matches on (index lookups), the JSON `data` column for the rest, and
 * EXISTS subqueries for multi-valued attributes and memberships.
 */
export function filterToKnex(
  db: Knex,
  resourceType: ScimResourceType,
  filter: Filter,
): Knex.QueryCallback {
  const condition = new FilterTranslator(dialectOf(db), resourceType).translate(
    filter,
  );
  return query => {
    query.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
  };
}
