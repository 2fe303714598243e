import { parse } from 'scim2-parse-filter';
import { MemberChange } from '../../database/ScimGroupStore';
import { ScimError } from '../ScimError';
import { PatchOperation } from './parsePatchRequest';

/** A group PATCH, split into attribute operations and member-set changes. */
export interface GroupPatch {
  attributeOperations: PatchOperation[];
  memberChanges: MemberChange[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Member operations become set changes on the membership table instead of a
 * read-modify-write of the member list, so that a PATCH touching one member of
 * a 50k-member group stays cheap. Handles both shapes Entra sends for removal:
 * `Remove` + `members` + a value array, and `remove` + `members[value eq "id"]`.
 */
export function splitGroupPatch(operations: PatchOperation[]): GroupPatch {
  const result: GroupPatch = { attributeOperations: [], memberChanges: [] };
  for (const operation of operations) {
    if (!operation.path) {
      const value = operation.value as Record<string, unknown>;
      const membersKey = Object.keys(value).find(
        k => k.toLowerCase() === 'members',
      );
      if (membersKey) {
        result.memberChanges.push(
          memberChange({
            ...operation,
            path: 'members',
            value: value[membersKey],
          }),
        );
      }
      const rest = Object.fromEntries(
        Object.entries(value).filter(([key]) => key !== membersKey),
      );
      if (Object.keys(rest).length > 0) {
        result.attributeOperations.push({ ...operation, value: rest });
      }
    } else if (/^members(\[|$)/i.test(operation.path)) {
      result.memberChanges.push(memberChange(operation));
    } else {
      result.attributeOperations.push(operation);
    }
  }
  return result;
}

function memberChange(operation: PatchOperation): MemberChange {
  const path = operation.path!;
  if (path.toLowerCase() === 'members') {
    switch (operation.op) {
      case 'add':
        return { kind: 'add', userIds: memberIds(operation.value) };
      case 'replace':
        return { kind: 'replace', userIds: memberIds(operation.value) };
      default:
        return operation.value === undefined ||
          (Array.isArray(operation.value) && operation.value.length === 0)
          ? { kind: 'removeAll' }
          : { kind: 'remove', userIds: memberIds(operation.value) };
    }
  }
  if (operation.op !== 'remove') {
    throw new ScimError(
      400,
      `'${path}': only remove is supported on a filtered members path`,
      'invalidPath',
    );
  }
  return { kind: 'remove', userIds: idsFromMemberFilter(path) };
}

function memberIds(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(item => {
    if (
      !isObject(item) ||
      typeof item.value !== 'string' ||
      item.value === ''
    ) {
      throw new ScimError(
        400,
        'Each member must be an object with a string value (the user id)',
        'invalidValue',
      );
    }
    return item.value;
  });
}

/** `members[value eq "a"]` or `members[value eq "a" or value eq "b"]`. */
function idsFromMemberFilter(path: string): string[] {
  const inner = /^members\[(.*)\]$/is.exec(path)?.[1];
  let filter: any;
  try {
    filter = inner ? parse(inner) : undefined;
  } catch {
    filter = undefined;
  }
  const ids: string[] = [];
  const collect = (node: any): boolean => {
    if (node?.op === 'or') {
      return node.filters.every(collect);
    }
    if (
      node?.op === 'eq' &&
      String(node.attrPath).toLowerCase() === 'value' &&
      typeof node.compValue === 'string'
    ) {
      ids.push(node.compValue);
      return true;
    }
    return false;
  };
  if (!collect(filter)) {
    throw new ScimError(
      400,
      `Unsupported member filter '${path}': use members[value eq "<id>"]`,
      'invalidFilter',
    );
  }
  return ids;
}
