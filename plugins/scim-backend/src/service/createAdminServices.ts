import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ScimConfig } from '../config';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { DatabaseTokenStore } from '../database/DatabaseTokenStore';
import { AuditLog } from './AuditLog';
import { SettingsService } from './SettingsService';
import { TokenService } from './TokenService';

/** The services behind the admin API and the SCIM bearer check. */
export interface AdminServices {
  settings: SettingsService;
  tokens: TokenService;
  audit: AuditLog;
}

export interface AdminServicesOptions {
  db: Knex;
  config: ScimConfig;
  /** External SCIM base URL, the Entra "Tenant URL". */
  baseUrl: string;
  logger: LoggerService;
  /** The clock of every timestamp and cache; tests pass a fake one. */
  now?: () => Date;
}

/**
 * Wires stores and services on one database. Create it once per process:
 * the token and settings caches live in these instances.
 */
export function createAdminServices(
  options: AdminServicesOptions,
): AdminServices {
  const { db, config, baseUrl, logger, now } = options;
  const audit = new AuditLog(new DatabaseAuditStore(db), now);
  return {
    audit,
    settings: new SettingsService({
      store: new DatabaseSettingsStore(db),
      audit,
      baseUrl,
      maxTokenValidityDays: config.maxTokenValidityDays,
      now,
    }),
    tokens: new TokenService({
      tokens: new DatabaseTokenStore(db),
      audit,
      logger,
      maxValidityDays: config.maxTokenValidityDays,
      now,
    }),
  };
}
