import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ScimAccessClient, ScimAccessService } from './ScimAccessClient';

/**
 * Other backend plugins' way to read users' effective SCIM roles:
 * `deps: { scimAccess: scimAccessServiceRef }`. The default implementation
 * calls the SCIM backend over HTTP, so it works in split deployments.
 *
 * @public
 */
export const scimAccessServiceRef = createServiceRef<ScimAccessService>({
  id: 'scim.access',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      factory: ({ discovery, auth }) =>
        new ScimAccessClient({ discovery, auth }),
    }),
});
