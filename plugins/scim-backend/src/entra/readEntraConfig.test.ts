import { ConfigReader } from '@backstage/config';
import { readEntraConfig } from './readEntraConfig';

const complete = {
  tenantId: 't',
  clientId: 'c',
  clientSecret: 's',
  servicePrincipalId: 'sp',
};

describe('readEntraConfig', () => {
  it('is undefined when scim.entra is absent', () => {
    expect(readEntraConfig(new ConfigReader({ scim: {} }))).toBeUndefined();
  });

  it('applies the public cloud defaults and strips trailing slashes', () => {
    expect(
      readEntraConfig(new ConfigReader({ scim: { entra: complete } })),
    ).toEqual({
      ...complete,
      graphBaseUrl: 'https://graph.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(
      readEntraConfig(
        new ConfigReader({
          scim: {
            entra: {
              ...complete,
              graphBaseUrl: 'https://graph.microsoft.us/',
              authorityHost: 'https://login.microsoftonline.us/',
            },
          },
        }),
      ),
    ).toMatchObject({
      graphBaseUrl: 'https://graph.microsoft.us',
      authorityHost: 'https://login.microsoftonline.us',
    });
  });

  it('names every missing key when half configured', () => {
    expect(() =>
      readEntraConfig(
        new ConfigReader({ scim: { entra: { tenantId: 't', clientId: 'c' } } }),
      ),
    ).toThrow(
      'scim.entra is incomplete: set scim.entra.clientSecret, scim.entra.servicePrincipalId',
    );
  });
});
