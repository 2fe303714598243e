import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `scim.logs` with defaults applied. */
export interface ProvisioningLogConfig {
  enabled: boolean;
  /** Keep the redacted request and response bodies. */
  keepBodies: boolean;
  /** Each kept body is cut to this many UTF-8 bytes. */
  maxBodyBytes: number;
  retentionDays: number;
  maxRows: number;
}

export const DEFAULT_PROVISIONING_LOG_CONFIG: ProvisioningLogConfig = {
  enabled: true,
  keepBodies: true,
  maxBodyBytes: 16 * 1024,
  retentionDays: 30,
  maxRows: 100_000,
};

function positiveInteger(config: Config | undefined, key: string) {
  const value = config?.getOptionalNumber(key);
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new InputError(`scim.logs.${key} must be a positive integer`);
  }
  return value;
}

export function readProvisioningLogConfig(
  config: Config,
): ProvisioningLogConfig {
  const logs = config.getOptionalConfig('scim.logs');
  const defaults = DEFAULT_PROVISIONING_LOG_CONFIG;
  return {
    enabled: logs?.getOptionalBoolean('enabled') ?? defaults.enabled,
    keepBodies: logs?.getOptionalBoolean('keepBodies') ?? defaults.keepBodies,
    maxBodyBytes:
      positiveInteger(logs, 'maxBodyBytes') ?? defaults.maxBodyBytes,
    retentionDays:
      positiveInteger(logs, 'retentionDays') ?? defaults.retentionDays,
    maxRows: positiveInteger(logs, 'maxRows') ?? defaults.maxRows,
  };
}
