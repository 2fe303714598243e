import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ScimConfig } from '../config';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { DatabaseTokenStore } from '../database/DatabaseTokenStore';
import { SettingsService } from './SettingsService';
import { TokenService } from './TokenService';

/** The services behind the admin API and the SCIM bearer check. */
export interface AdminServices {
  settings: SettingsService;
  tokens: TokenService;
  audit: DatabaseAuditStore;
}

export function createAdminServices(options: {
  db: Knex;
  config: ScimConfig;
  /** External SCIM base URL, the Entra "Tenant URL". */
  baseUrl: string;
  logger: LoggerService;
  now?: () => Date;
}): AdminServices {
  const { db, config, baseUrl, logger, now } = options;
  const audit = new DatabaseAuditStore(db, now);
  return {
    audit,
    settings: new SettingsService(
      new DatabaseSettingsStore(db),
      audit,
      baseUrl,
      config.maxTokenValidityDays,
      now,
    ),
    tokens: new TokenService({
      tokens: new DatabaseTokenStore(db),
      audit,
      logger,
      maxValidityDays: config.maxTokenValidityDays,
      now,
    }),
  };
}
