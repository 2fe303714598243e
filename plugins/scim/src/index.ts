/**
 * Identity and access: SCIM provisioning setup for Microsoft Entra ID.
 *
 * @packageDocumentation
 */
export { scimPlugin, IdentityAccessPage } from './plugin';
export { scimAdminApiRef } from './api/ScimAdminApi';
export type { ScimAdminApi } from './api/ScimAdminApi';
export { ScimAdminClient } from './api/ScimAdminClient';
