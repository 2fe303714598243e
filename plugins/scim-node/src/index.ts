/**
 * Node library for other backend plugins: users' effective roles from the
 * SCIM plugin's group access, and the rules to match them to permissions.
 *
 * @packageDocumentation
 */
export { scimAccessServiceRef } from './scimAccessServiceRef';
export {
  ScimAccessClient,
  SCIM_ACCESS_CACHE_TTL_MS,
  type ScimAccessService,
} from './ScimAccessClient';
export {
  permissionMatches,
  rulesAllow,
  type UserPermissionAccess,
} from '@internal/backstage-plugin-scim-common';
