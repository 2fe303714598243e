import { classifyScimRequest } from './classifyScimRequest';

const GUID = '0b1d5c3e-8f2a-4c6d-9e7f-1a2b3c4d5e6f';

describe('classifyScimRequest', () => {
  it.each([
    ['GET', '/Users', `userName eq "${GUID}"`, 'test-connection', 'User'],
    ['GET', '/Users', 'userName eq "alice"', 'list', 'User'],
    ['GET', '/Users', `externalId eq "${GUID}"`, 'list', 'User'],
    ['GET', '/Groups', `displayName eq "${GUID}"`, 'list', 'Group'],
    ['GET', '/Users/u1', undefined, 'read', 'User'],
    ['POST', '/Users', undefined, 'create', 'User'],
    ['POST', '/Groups', undefined, 'create', 'Group'],
    ['PATCH', '/Groups/g1', undefined, 'update', 'Group'],
    ['DELETE', '/Users/u1', undefined, 'delete', 'User'],
    ['GET', '/ServiceProviderConfig', undefined, 'discovery', 'Discovery'],
    ['GET', '/Schemas/urn:x', undefined, 'discovery', 'Discovery'],
    ['POST', '/ResourceTypes', undefined, 'other', 'Discovery'],
    ['GET', '/Bulk', undefined, 'other', 'Other'],
    ['GET', '/Users/u1/extra', undefined, 'other', 'Other'],
    ['POST', '/Users/u1', undefined, 'other', 'User'],
    ['DELETE', '/Users', undefined, 'other', 'User'],
  ])(
    '%s %s (filter %s) is %s on %s',
    (method, path, filter, operation, resourceType) => {
      expect(classifyScimRequest({ method, path, filter })).toMatchObject({
        operation,
        resourceType,
      });
    },
  );

  it.each([
    [
      'a PATCH replacing active with "False"',
      { op: 'Replace', path: 'active', value: 'False' },
    ],
    [
      'a PATCH replacing active with false',
      { op: 'replace', path: 'Active', value: false },
    ],
    [
      'a path-less PATCH with active false',
      { op: 'replace', value: { active: false } },
    ],
  ])('calls %s a disable', (_name, operation) => {
    expect(
      classifyScimRequest({
        method: 'PATCH',
        path: '/Users/u1',
        requestBody: { Operations: [operation] },
      }).operation,
    ).toBe('disable');
  });

  it('calls re-activation and other PATCHes an update, and a PUT with active false a disable', () => {
    const patch = (op: object) =>
      classifyScimRequest({
        method: 'PATCH',
        path: '/Users/u1',
        requestBody: { Operations: [op] },
      }).operation;
    expect(patch({ op: 'Replace', path: 'active', value: 'True' })).toBe(
      'update',
    );
    expect(patch({ op: 'Remove', path: 'active' })).toBe('update');
    expect(patch({ op: 'Add', path: 'title', value: 'false' })).toBe('update');
    expect(
      classifyScimRequest({
        method: 'PUT',
        path: '/Users/u1',
        requestBody: { userName: 'a', active: 'false' },
      }).operation,
    ).toBe('disable');
  });

  it('names the resource from the answer, the request or the filter', () => {
    expect(
      classifyScimRequest({
        method: 'POST',
        path: '/Users',
        requestBody: { userName: 'asked', externalId: 'e-asked' },
        responseBody: { id: 'u9', userName: 'stored', externalId: 'e-stored' },
      }),
    ).toEqual({
      operation: 'create',
      resourceType: 'User',
      resourceId: 'u9',
      resourceName: 'stored',
      externalId: 'e-stored',
    });
    expect(
      classifyScimRequest({
        method: 'POST',
        path: '/Groups',
        requestBody: { displayName: 'Sales', externalId: 'e-sales' },
        responseBody: { status: '409', detail: 'taken' },
      }),
    ).toMatchObject({ resourceName: 'Sales', externalId: 'e-sales' });
    expect(
      classifyScimRequest({
        method: 'GET',
        path: '/Users',
        filter: 'externalId eq "e-\\"quoted\\""',
      }),
    ).toMatchObject({ externalId: 'e-"quoted"' });
    expect(
      classifyScimRequest({ method: 'GET', path: '/Users/a%2Fb' }),
    ).toMatchObject({ resourceId: 'a/b' });
  });
});
