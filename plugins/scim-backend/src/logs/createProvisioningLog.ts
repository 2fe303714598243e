import { LoggerService } from '@backstage/backend-plugin-api';
import { RequestHandler } from 'express';
import { Knex } from 'knex';
import { ProvisioningLogRecorder } from './ProvisioningLogRecorder';
import { ProvisioningLogStore } from './ProvisioningLogStore';
import { ProvisioningLogConfig } from './readProvisioningLogConfig';
import { recordProvisioningLog } from './recordProvisioningLog';

/** The provisioning log's parts, created once per process. */
export interface ProvisioningLog {
  config: ProvisioningLogConfig;
  store: ProvisioningLogStore;
  recorder: ProvisioningLogRecorder;
  /** The SCIM router's recording middleware; absent when `scim.logs.enabled` is false. */
  middleware?: RequestHandler;
  /** The scheduled retention task. */
  prune(now?: Date): Promise<number>;
}

export function createProvisioningLog(options: {
  db: Knex;
  config: ProvisioningLogConfig;
  logger: LoggerService;
}): ProvisioningLog {
  const { db, config, logger } = options;
  const store = new ProvisioningLogStore(db);
  const recorder = new ProvisioningLogRecorder({ store, logger });
  return {
    config,
    store,
    recorder,
    middleware: config.enabled
      ? recordProvisioningLog({ recorder, config, logger })
      : undefined,
    prune: (now = new Date()) =>
      store.prune({
        now,
        retentionDays: config.retentionDays,
        maxRows: config.maxRows,
      }),
  };
}
