import { ConfigReader, JsonValue } from '@backstage/config';
import { DEFAULT_ACCESS_SERVICES } from './defaultAccessServices';
import { readAccessConfig } from './readAccessConfig';

const withServices = (services: JsonValue) =>
  new ConfigReader({ scim: { access: { services } } });

const role = (id: string, permissions: object[] = [{ name: 'x.read' }]) => ({
  id,
  title: id,
  permissions,
});

describe('readAccessConfig', () => {
  it('uses the defaults without config', () => {
    expect(readAccessConfig(new ConfigReader({}))).toBe(
      DEFAULT_ACCESS_SERVICES,
    );
  });

  it('replaces the whole list when configured', () => {
    expect(
      readAccessConfig(
        withServices([
          {
            id: 'jenkins',
            title: 'Jenkins',
            roles: [
              role('viewer', [
                { name: 'jenkins.*', action: 'read' },
                { resourceType: 'jenkins-job' },
              ]),
            ],
          },
        ]),
      ),
    ).toEqual([
      {
        id: 'jenkins',
        title: 'Jenkins',
        description: undefined,
        roles: [
          {
            id: 'viewer',
            title: 'viewer',
            description: undefined,
            permissions: [
              { name: 'jenkins.*', action: 'read' },
              { resourceType: 'jenkins-job' },
            ],
          },
        ],
      },
    ]);
  });

  it.each([
    [
      'a duplicate service',
      [
        { id: 'a', title: 'A', roles: [] },
        { id: 'a', title: 'A', roles: [] },
      ],
      'duplicate id "a" in scim.access.services',
    ],
    [
      'a duplicate role',
      [{ id: 'a', title: 'A', roles: [role('r'), role('r')] }],
      'duplicate id "r" in roles of service a',
    ],
    [
      'a bad id',
      [{ id: 'Has Space', title: 'A', roles: [] }],
      'id "Has Space" must be',
    ],
    [
      'an empty rule',
      [{ id: 'a', title: 'A', roles: [role('r', [{}])] }],
      'a permission rule needs name, resourceType or action',
    ],
    [
      'a bad action',
      [{ id: 'a', title: 'A', roles: [role('r', [{ action: 'write' }])] }],
      'permission action must be one of create, read, update, delete',
    ],
  ])('rejects %s', (_case, services, message) => {
    expect(() => readAccessConfig(withServices(services))).toThrow(message);
  });
});
