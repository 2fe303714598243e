import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AccessService } from '@internal/backstage-plugin-scim-common';
import { Knex } from 'knex';
import { AuditLog } from '../service/AuditLog';
import { AccessControlService } from './AccessControlService';
import { AccessStore } from './AccessStore';
import { CatalogUserDirectory } from './CatalogUserDirectory';

/** Wires the access service on the plugin's database and the catalog. Once per process: it holds the cache. */
export function createAccessControlService(options: {
  db: Knex;
  services: AccessService[];
  catalog: CatalogService;
  auth: AuthService;
  audit: AuditLog;
  now?: () => Date;
}): AccessControlService {
  const { db, catalog, auth } = options;
  return new AccessControlService({
    services: options.services,
    store: new AccessStore(db),
    directory: new CatalogUserDirectory({ catalog, auth, db }),
    audit: options.audit,
    now: options.now,
  });
}
