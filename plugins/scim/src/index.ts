/**
 * Identity and access: SCIM provisioning setup for Microsoft Entra ID.
 *
 * @packageDocumentation
 */
export { scimPlugin, IdentityAccessPage } from './plugin';
export { scimAdminApiRef } from './api/ScimAdminApi';
export type { ScimAdminApi } from './api/ScimAdminApi';
export { ScimAdminClient } from './api/ScimAdminClient';
export { scimDirectoryApiRef } from './api/ScimDirectoryApi';
export type {
  ScimDirectoryApi,
  DirectoryPageRequest,
  DirectoryUserStatus,
} from './api/ScimDirectoryApi';
export { ScimDirectoryClient } from './api/ScimDirectoryClient';
export { scimLogsApiRef } from './api/ScimLogsApi';
export type { ScimLogsApi, ProvisioningLogQuery } from './api/ScimLogsApi';
export { ScimLogsClient } from './api/ScimLogsClient';
