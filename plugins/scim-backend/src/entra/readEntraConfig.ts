import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `scim.entra`: the app registration that reads Entra's provisioning logs. */
export interface EntraConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Object id of the SCIM enterprise app's service principal. */
  servicePrincipalId: string;
  /** Graph root without the version, e.g. `https://graph.microsoft.com`. */
  graphBaseUrl: string;
  /** Token authority, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string;
}

const REQUIRED = [
  'tenantId',
  'clientId',
  'clientSecret',
  'servicePrincipalId',
] as const;

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** `undefined` when `scim.entra` is absent; a 400-style error when half set. */
export function readEntraConfig(config: Config): EntraConfig | undefined {
  const entra = config.getOptionalConfig('scim.entra');
  if (!entra) {
    return undefined;
  }
  const missing = REQUIRED.filter(key => !entra.getOptionalString(key));
  if (missing.length > 0) {
    throw new InputError(
      `scim.entra is incomplete: set ${missing
        .map(key => `scim.entra.${key}`)
        .join(', ')}`,
    );
  }
  return {
    tenantId: entra.getString('tenantId'),
    clientId: entra.getString('clientId'),
    clientSecret: entra.getString('clientSecret'),
    servicePrincipalId: entra.getString('servicePrincipalId'),
    graphBaseUrl: withoutTrailingSlash(
      entra.getOptionalString('graphBaseUrl') ?? 'https://graph.microsoft.com',
    ),
    authorityHost: withoutTrailingSlash(
      entra.getOptionalString('authorityHost') ??
        'https://login.microsoftonline.com',
    ),
  };
}
