import {
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  rulesAllow,
  ScimAccessService,
} from '@internal/backstage-plugin-scim-node';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Allows a request when the user's effective SCIM roles (manual roles and
 * the roles of their groups) include a role whose rules match the
 * permission; denies everything else, also when the SCIM plugin cannot be
 * asked. The bootstrap admins are allowed everything, so the first admin
 * can grant roles before anyone has any.
 */
export class ScimRolesPermissionPolicy implements PermissionPolicy {
  private readonly adminUsers: Set<string>;

  constructor(
    private readonly options: {
      access: ScimAccessService;
      logger: LoggerService;
      adminUsers: string[];
    },
  ) {
    this.adminUsers = new Set(
      options.adminUsers.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // The permission backend passes `user` only for user principals.
    const principal = user?.credentials.principal as
      | BackstageUserPrincipal
      | undefined;
    if (principal?.type !== 'user') {
      return DENY;
    }
    const userRef = principal.userEntityRef.toLocaleLowerCase('en-US');
    if (this.adminUsers.has(userRef)) {
      return ALLOW;
    }
    try {
      const access = await this.options.access.getUserAccess(userRef);
      return rulesAllow(access.permissions, request.permission) ? ALLOW : DENY;
    } catch (error) {
      this.options.logger.error(
        `Denied ${request.permission.name} to ${userRef}: could not read SCIM roles: ${error}`,
      );
      return DENY;
    }
  }
}
