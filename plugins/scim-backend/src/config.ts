import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The SCIM plugin's settings from app-config, with defaults applied. */
export interface ScimConfig {
  maxResults: number;
  maxBodySize: string | number;
  maxTokenValidityDays: number;
}

export function readScimConfig(config: Config): ScimConfig {
  const scim = config.getOptionalConfig('scim');
  const maxResults = scim?.getOptionalNumber('maxResults') ?? 200;
  const maxTokenValidityDays =
    scim?.getOptionalNumber('tokens.maxValidityDays') ?? 730;
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw new InputError('scim.maxResults must be a positive integer');
  }
  if (!Number.isInteger(maxTokenValidityDays) || maxTokenValidityDays < 1) {
    throw new InputError(
      'scim.tokens.maxValidityDays must be a positive integer',
    );
  }
  return {
    maxResults,
    maxBodySize: readBodySize(scim?.getOptional('maxBodySize')),
    maxTokenValidityDays,
  };
}

function readBodySize(value: unknown): string | number {
  if (value === undefined) {
    return '5mb';
  }
  if (typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  throw new InputError('scim.maxBodySize must be a number or a size string');
}
