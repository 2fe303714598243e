import {
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { PermissionRule } from './access';

/**
 * Whether a role's rule covers a permission: every field the rule sets must
 * match, and `name` may end in `*` to match a prefix (`catalog.*`, or `*`).
 */
export function permissionMatches(
  rule: PermissionRule,
  permission: Permission,
): boolean {
  if (rule.name !== undefined) {
    const matches = rule.name.endsWith('*')
      ? permission.name.startsWith(rule.name.slice(0, -1))
      : permission.name === rule.name;
    if (!matches) {
      return false;
    }
  }
  if (
    rule.resourceType !== undefined &&
    !(
      isResourcePermission(permission) &&
      permission.resourceType === rule.resourceType
    )
  ) {
    return false;
  }
  if (
    rule.action !== undefined &&
    permission.attributes.action !== rule.action
  ) {
    return false;
  }
  return true;
}

/** Whether any of the rules (e.g. of a user's effective roles) allows the permission. */
export function rulesAllow(
  rules: PermissionRule[],
  permission: Permission,
): boolean {
  return rules.some(rule => permissionMatches(rule, permission));
}
