import { InputError } from '@backstage/errors';
import {
  AccessGrant,
  AccessRole,
  AccessService,
  UnknownGrant,
} from '@internal/backstage-plugin-scim-common';

export const grantKey = (grant: AccessGrant) =>
  `${grant.service}\u0000${grant.role}`;

/** The configured services and roles, and what they make of stored grants. */
export class AccessModel {
  private readonly roles = new Map<
    string,
    { role: AccessRole; rank: number }
  >();
  private readonly serviceIds: Set<string>;

  constructor(readonly services: AccessService[]) {
    this.serviceIds = new Set(services.map(service => service.id));
    let rank = 0;
    for (const service of services) {
      for (const role of service.roles) {
        this.roles.set(grantKey({ service: service.id, role: role.id }), {
          role,
          rank: rank++,
        });
      }
    }
  }

  role(grant: AccessGrant): AccessRole | undefined {
    return this.roles.get(grantKey(grant))?.role;
  }

  /** Splits stored grants into those the config defines and those it does not. */
  classify<T extends AccessGrant>(
    grants: T[],
  ): { known: T[]; unknown: UnknownGrant[] } {
    const known: T[] = [];
    const unknown: UnknownGrant[] = [];
    for (const grant of grants) {
      if (this.role(grant)) {
        known.push(grant);
      } else {
        unknown.push({
          service: grant.service,
          role: grant.role,
          reason: this.serviceIds.has(grant.service)
            ? 'unknown-role'
            : 'unknown-service',
        });
      }
    }
    return { known, unknown };
  }

  /** Rejects a grant the config does not define, naming the input field. */
  assertKnown(grant: AccessGrant, field: string): void {
    if (!this.serviceIds.has(grant.service)) {
      throw new InputError(
        `${field}.service: unknown service "${grant.service}"`,
      );
    }
    if (!this.role(grant)) {
      throw new InputError(
        `${field}.role: unknown role "${grant.role}" of service "${grant.service}"`,
      );
    }
  }

  /** Orders grants as the config lists services and roles; unknown grants last. */
  sort<T extends AccessGrant>(grants: T[]): T[] {
    const rank = (grant: AccessGrant) =>
      this.roles.get(grantKey(grant))?.rank ?? Number.MAX_SAFE_INTEGER;
    return [...grants].sort((a, b) => rank(a) - rank(b));
  }
}

/** The same grants without repeats, first occurrence kept. */
export function uniqueGrants<T extends AccessGrant>(grants: T[]): T[] {
  const seen = new Set<string>();
  return grants.filter(grant => {
    const key = grantKey(grant);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
