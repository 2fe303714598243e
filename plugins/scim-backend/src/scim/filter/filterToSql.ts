import { Knex } from 'knex';
import { Compare, Filter } from 'scim2-parse-filter';
import { ScimAttribute } from '../schema/ScimAttribute';
import { ScimResourceType } from '../schema/resourceTypes';
import { compareText } from './compareText';
import { Operand, resourceScope, Scope, Target } from './filterTargets';
import { invalidFilter } from './invalidFilter';
import { parseFilterDateTime } from './parseFilterDateTime';
import {
  anyOf,
  dialectOf,
  joinSql,
  negate,
  sql,
  Sql,
  SqlDialect,
} from './sqlDialect';

type Operator = Compare['op'];
type Value = Compare['compValue'];
type Leaf = Extract<Target, { kind: 'scalar' | 'known' }>;

const ORDERING = { gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

const notAString = (attribute: ScimAttribute, value: number | boolean) =>
  invalidFilter(
    `'${attribute.name}' is a ${attribute.type}: compare it with a string, not ${value}`,
  );

/**
 * Semantics, where RFC 7644 §3.4.2.2 leaves room:
 * - Multi-valued attributes match when some element matches, for every
 *   operator including `ne`; `emails eq "x"` and `members eq "id"` compare the
 *   `value` sub-attribute, and a complex attribute without one cannot be compared.
 * - `ne` on a single-valued attribute is `not eq`, so an absent attribute matches it.
 * - `eq null` is `not pr` and `ne null` is `pr`; other operators reject null.
 * - `pr` is false for null, "" and an empty array.
 */
class FilterTranslator {
  constructor(private readonly dialect: SqlDialect) {}

  translate(filter: Filter, scope: Scope): Sql {
    switch (filter.op) {
      case 'and':
      case 'or':
        return joinSql(
          filter.filters.map(child => this.translate(child, scope)),
          filter.op === 'and' ? ' AND ' : ' OR ',
        );
      case 'not':
        return negate(this.translate(filter.filter, scope));
      case '[]':
        return this.valuePath(filter.attrPath, filter.valFilter, scope);
      case 'pr':
        return this.presence(this.target(filter.attrPath, scope));
      default:
        return this.comparison(
          this.target(filter.attrPath, scope),
          filter.op,
          filter.compValue,
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
    if (target.kind === 'object') {
      return joinSql(
        [target.presence, this.translate(inner, target.scope)],
        ' AND ',
      );
    }
    if (target.kind === 'many' && !target.sub) {
      return target.exists(this.translate(inner, target.scope));
    }
    throw invalidFilter(`'${path}' is not a complex attribute`);
  }

  /** The sub-attribute a multi-valued path compares: the named one, else `value`. */
  private elementLeaf(target: Extract<Target, { kind: 'many' }>): Leaf {
    const name = target.sub ?? 'value';
    const leaf = target.scope.resolve(name);
    if (leaf?.kind !== 'scalar' && leaf?.kind !== 'known') {
      throw invalidFilter(
        `'${target.attribute.name}.${name}' cannot be filtered`,
      );
    }
    return leaf;
  }

  private presence(target: Target): Sql {
    switch (target.kind) {
      case 'many':
        return target.sub
          ? target.exists(this.presence(this.elementLeaf(target)))
          : target.exists();
      case 'object':
        return target.presence;
      case 'known':
        return anyOf(target.values.map(known => known.when));
      default:
        return this.operandPresence(target.operand);
    }
  }

  private operandPresence({ expr, attribute }: Operand): Sql {
    return attribute.type === 'string' || attribute.type === 'reference'
      ? sql(
          `(${expr.sql} IS NOT NULL AND ${expr.sql} <> '')`,
          ...expr.bindings,
          ...expr.bindings,
        )
      : sql(`${expr.sql} IS NOT NULL`, ...expr.bindings);
  }

  private comparison(target: Target, op: Operator, value: Value): Sql {
    if (value === null) {
      if (op === 'eq') return negate(this.presence(target));
      if (op === 'ne') return this.presence(target);
      throw invalidFilter(`'${op}' cannot compare with null`);
    }
    switch (target.kind) {
      case 'many':
        return target.exists(
          this.compareLeaf(this.elementLeaf(target), op, value),
        );
      case 'object': {
        // `manager eq "id"` compares the manager's `value`.
        const implicit = target.scope.resolve('value');
        if (implicit?.kind !== 'scalar') {
          throw invalidFilter(
            `'${target.attribute.name}' is complex: compare one of its sub-attributes`,
          );
        }
        return this.compareLeaf(implicit, op, value);
      }
      default:
        return this.compareLeaf(target, op, value);
    }
  }

  private compareLeaf(
    leaf: Leaf,
    op: Operator,
    value: string | number | boolean,
  ): Sql {
    if (leaf.kind === 'known') {
      return this.compareKnown(leaf, op, value);
    }
    const { expr, attribute, json } = leaf.operand;
    if (attribute.type === 'boolean') {
      if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne')) {
        throw invalidFilter(
          `'${attribute.name}' is a boolean: use eq or ne with true or false`,
        );
      }
      const literal = json
        ? this.dialect.jsonBoolean(value)
        : this.dialect.columnBoolean(value);
      return this.equality(expr, expr, op, literal);
    }
    if (typeof value !== 'string') {
      throw notAString(attribute, value);
    }
    return this.compareString(leaf.operand, op, value);
  }

  /** Decided in memory: the values are known, only their presence is in SQL. */
  private compareKnown(
    leaf: Extract<Target, { kind: 'known' }>,
    op: Operator,
    value: string | number | boolean,
  ): Sql {
    const { attribute } = leaf;
    if (typeof value !== 'string') {
      throw notAString(attribute, value);
    }
    const fold = (text: string) =>
      attribute.caseExact ? text : text.toLowerCase();
    return anyOf(
      leaf.values
        .filter(known => compareText(fold(known.value), op, fold(value)))
        .map(known => known.when),
    );
  }

  private compareString(operand: Operand, op: Operator, value: string): Sql {
    const { expr, attribute } = operand;
    if (attribute.type === 'dateTime') {
      if (!(op in ORDERING) && op !== 'eq' && op !== 'ne') {
        throw invalidFilter(
          `'${attribute.name}' is a dateTime: use eq, ne, gt, ge, lt or le`,
        );
      }
      return this.compareSubject(expr, expr, op, parseFilterDateTime(value));
    }
    if (attribute.caseExact) {
      return this.compareSubject(expr, expr, op, value);
    }
    const subject = operand.lowered
      ? expr
      : sql(`lower(${expr.sql})`, ...expr.bindings);
    return this.compareSubject(expr, subject, op, value.toLowerCase());
  }

  /** Compares `subject` (the attribute, maybe lower-cased) whose raw form is `expr`. */
  private compareSubject(expr: Sql, subject: Sql, op: Operator, value: string) {
    switch (op) {
      case 'eq':
      case 'ne':
        return this.equality(expr, subject, op, value);
      case 'co':
      case 'sw':
      case 'ew':
        if (value === '') {
          return sql(`${expr.sql} IS NOT NULL`, ...expr.bindings);
        }
        return {
          co: this.dialect.contains,
          sw: this.dialect.startsWith,
          ew: this.dialect.endsWith,
        }[op](subject, value);
      default:
        return this.dialect.compare(subject, ORDERING[op], value);
    }
  }

  /** `ne` also matches an absent attribute (NULL), as `not eq` does. */
  private equality(expr: Sql, subject: Sql, op: 'eq' | 'ne', binding: unknown) {
    return op === 'eq'
      ? sql(`${subject.sql} = ?`, ...subject.bindings, binding)
      : sql(
          `(${expr.sql} IS NULL OR ${subject.sql} <> ?)`,
          ...expr.bindings,
          ...subject.bindings,
          binding,
        );
  }
}

/**
 * Translates a parsed SCIM filter into one parameterised SQL condition
 * (`?` placeholders) on `scim_users` or `scim_groups`: mirrored columns for
 * the attributes Entra matches on (index lookups), the JSON `data` column for
 * the rest, and EXISTS subqueries for multi-valued attributes and
 * memberships. Throws a 400 `invalidFilter` ScimError right away for
 * attributes or comparisons that the resource type does not support.
 */
export function filterToSql(
  db: Knex,
  resourceType: ScimResourceType,
  filter: Filter,
): Sql {
  const dialect = dialectOf(db);
  return new FilterTranslator(dialect).translate(
    filter,
    resourceScope(dialect, resourceType),
  );
}
