import { ConfigReader } from '@backstage/config';
import { readScimProviderConfig } from './config';

const read = (scim: object | undefined) =>
  readScimProviderConfig(
    new ConfigReader(scim ? { catalog: { providers: { scim } } } : {}),
  );

describe('readScimProviderConfig', () => {
  it('applies the defaults', () => {
    expect(read(undefined)).toEqual({
      id: 'default',
      namespace: 'default',
      users: { nameFrom: 'userName', inactive: 'remove' },
      groups: { nameFrom: 'displayName', type: 'team' },
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      },
      pollInterval: { seconds: 2 },
    });
  });

  it('reads every key', () => {
    expect(
      read({
        namespace: 'entra',
        users: { nameFrom: 'localPart', inactive: 'keep' },
        groups: { nameFrom: 'externalId', type: 'department' },
        schedule: { frequency: { hours: 1 }, timeout: 'PT5M' },
        pollInterval: '500ms',
      }),
    ).toEqual({
      id: 'default',
      namespace: 'entra',
      users: { nameFrom: 'localPart', inactive: 'keep' },
      groups: { nameFrom: 'externalId', type: 'department' },
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
      pollInterval: { milliseconds: 500 },
    });
  });

  it.each([
    [{ namespace: 'Not Valid' }, /namespace/],
    [{ users: { nameFrom: 'upn' } }, /users\.nameFrom must be one of/],
    [{ users: { inactive: 'hide' } }, /users\.inactive must be one of/],
    [{ groups: { nameFrom: 'mail' } }, /groups\.nameFrom must be one of/],
    [{ groups: { type: ' ' } }, /groups\.type/],
    [{ pollInterval: 'soon' }, /Invalid duration/],
  ])('rejects %j', (scim, message) => {
    expect(() => read(scim)).toThrow(message);
  });
});
