/**
 * Permission policy backend module: allows what the user's effective SCIM
 * group access roles grant.
 *
 * @packageDocumentation
 */
export { permissionModuleScimRoles as default } from './module';
export { ScimRolesPermissionPolicy } from './ScimRolesPermissionPolicy';
