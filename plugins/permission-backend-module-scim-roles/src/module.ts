import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { scimAccessServiceRef } from '@internal/backstage-plugin-scim-node';
import { ScimRolesPermissionPolicy } from './ScimRolesPermissionPolicy';

/**
 * The permission policy of SCIM group access: allows what the user's
 * effective roles grant, denies the rest.
 *
 * @public
 */
export const permissionModuleScimRoles = createBackendModule({
  pluginId: 'permission',
  moduleId: 'scim-roles-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        access: scimAccessServiceRef,
      },
      async init({ policy, config, logger, access }) {
        policy.setPolicy(
          new ScimRolesPermissionPolicy({
            access,
            logger,
            adminUsers:
              config.getOptionalStringArray('scim.access.policy.adminUsers') ??
              [],
          }),
        );
      },
    });
  },
});
