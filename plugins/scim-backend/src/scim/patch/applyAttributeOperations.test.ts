import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import { ScimError } from '../ScimError';
import { groupResourceType, userResourceType } from '../schema/resourceTypes';
import { applyAttributeOperations } from './applyAttributeOperations';
import { parsePatchRequest } from './parsePatchRequest';

const ENTERPRISE = SCIM_SCHEMAS.enterpriseUser;

const user = {
  userName: 'alice@example.com',
  active: true,
  name: { givenName: 'Alice', familyName: 'Smith' },
  emails: [{ type: 'work', value: 'alice@example.com', primary: true }],
};

const patch = (
  operations: unknown[],
  current: Record<string, unknown> = user,
) =>
  applyAttributeOperations(
    userResourceType,
    current,
    parsePatchRequest({
      schemas: [SCIM_SCHEMAS.patchOp],
      Operations: operations,
    }),
  );

const expectScimError = (
  fn: () => unknown,
  status: number,
  scimType?: string,
) => {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ScimError);
  expect((caught as ScimError).status).toBe(status);
  expect((caught as ScimError).scimType).toBe(scimType);
};

describe('applyAttributeOperations (Entra PATCH shapes)', () => {
  it('applies capitalised Replace ops on simple, sub- and value-filter paths', () => {
    const result = patch([
      {
        op: 'Replace',
        path: 'emails[type eq "work"].value',
        value: 'a2@example.com',
      },
      { op: 'Replace', path: 'name.familyName', value: 'Jones' },
      { op: 'Replace', path: 'userName', value: 'alice2@example.com' },
    ]);
    expect(result.userName).toBe('alice2@example.com');
    expect(result.name).toEqual({ givenName: 'Alice', familyName: 'Jones' });
    expect(result.emails).toEqual([
      { type: 'work', value: 'a2@example.com', primary: true },
    ]);
  });

  it('creates the element a value-filter path names when it is missing', () => {
    const result = patch([
      {
        op: 'Add',
        path: 'phoneNumbers[type eq "mobile"].value',
        value: '+1 555',
      },
      { op: 'Replace', path: 'emails[type eq "other"].value', value: 'x@y' },
    ]);
    expect(result.phoneNumbers).toEqual([{ type: 'mobile', value: '+1 555' }]);
    expect(result.emails).toEqual([
      { type: 'work', value: 'alice@example.com', primary: true },
      { type: 'other', value: 'x@y' },
    ]);
  });

  it('takes "False"/"True" strings and real booleans for active', () => {
    expect(
      patch([{ op: 'Replace', path: 'active', value: 'False' }]).active,
    ).toBe(false);
    expect(
      patch([{ op: 'replace', path: 'active', value: false }]).active,
    ).toBe(false);
    expect(
      patch([{ op: 'Replace', path: 'active', value: 'True' }], {
        ...user,
        active: false,
      }).active,
    ).toBe(true);
    expectScimError(
      () => patch([{ op: 'Replace', path: 'active', value: 'maybe' }]),
      400,
      'invalidValue',
    );
  });

  it('expands a no-path replace with dotted and URN keys', () => {
    const result = patch([
      {
        op: 'replace',
        value: {
          displayName: 'Alice S.',
          'name.givenName': 'Alicia',
          [`${ENTERPRISE}:employeeNumber`]: '42',
          [`${ENTERPRISE}:department`]: 'Engineering',
          active: 'False',
        },
      },
    ]);
    expect(result).toMatchObject({
      displayName: 'Alice S.',
      name: { givenName: 'Alicia', familyName: 'Smith' },
      active: false,
      [ENTERPRISE]: { employeeNumber: '42', department: 'Engineering' },
    });
  });

  it('accepts the extension as a nested object in a no-path op', () => {
    const result = patch([
      { op: 'add', value: { [ENTERPRISE]: { costCenter: 'CC1' } } },
    ]);
    expect(result[ENTERPRISE]).toEqual({ costCenter: 'CC1' });
  });

  it.each([
    ['a bare id string', 'mgr-1'],
    ['{ value }', { value: 'mgr-1' }],
    ['[{ value, $ref }]', [{ value: 'mgr-1', $ref: '../Users/mgr-1' }]],
  ])('stores a manager given as %s as { value }', (_, value) => {
    const result = patch([{ op: 'Add', path: `${ENTERPRISE}:manager`, value }]);
    expect((result[ENTERPRISE] as any).manager.value).toBe('mgr-1');
  });

  it('removes the manager with Remove or an empty Replace', () => {
    const withManager = { ...user, [ENTERPRISE]: { manager: { value: 'm' } } };
    expect(
      patch([{ op: 'Remove', path: `${ENTERPRISE}:manager` }], withManager)[
        ENTERPRISE
      ],
    ).toBeUndefined();
    expect(
      patch(
        [{ op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' }],
        withManager,
      )[ENTERPRISE],
    ).toBeUndefined();
  });

  it('matches attribute names case-insensitively and clears on "" and null', () => {
    const result = patch([
      { op: 'replace', path: 'NAME.GIVENNAME', value: 'A.' },
      { op: 'Add', path: 'nickName', value: 'Babs' },
      { op: 'Replace', path: 'title', value: '' },
      { op: 'Replace', path: 'name.familyName', value: null },
    ]);
    expect(result.name).toEqual({ givenName: 'A.' });
    expect(result.nickName).toBe('Babs');
    expect('title' in result).toBe(false);
  });

  it('removes multi-valued entries by filter', () => {
    const result = patch([{ op: 'Remove', path: 'emails[type eq "work"]' }]);
    expect(result.emails).toBeUndefined();
  });

  it('rejects unknown paths, read-only attributes and removal of userName', () => {
    expectScimError(
      () => patch([{ op: 'Replace', path: 'nope', value: 'x' }]),
      400,
      'invalidPath',
    );
    expectScimError(
      () => patch([{ op: 'Replace', path: 'id', value: 'x' }]),
      400,
      'mutability',
    );
    expectScimError(
      () => patch([{ op: 'Add', path: 'groups', value: [{ value: 'g' }] }]),
      400,
      'mutability',
    );
    expectScimError(
      () => patch([{ op: 'Remove', path: 'userName' }]),
      400,
      'invalidValue',
    );
  });

  it('ignores unknown keys in a no-path value object like a POST body does', () => {
    expect(
      patch([{ op: 'replace', value: { bogus: 1, title: 'CTO' } }]),
    ).toEqual({
      ...user,
      title: 'CTO',
    });
  });

  it('patches group attributes', () => {
    const result = applyAttributeOperations(
      groupResourceType,
      { displayName: 'Old' },
      parsePatchRequest({
        Operations: [{ op: 'Replace', path: 'displayName', value: 'New' }],
      }),
    );
    expect(result).toEqual({ displayName: 'New' });
  });
});

describe('parsePatchRequest', () => {
  it.each([
    [null, 'invalidSyntax'],
    [{}, 'invalidSyntax'],
    [{ Operations: [] }, 'invalidSyntax'],
    [{ Operations: [{ op: 'move', path: 'x' }] }, 'invalidSyntax'],
    [{ Operations: [{ op: 'remove' }] }, 'noTarget'],
    [{ Operations: [{ op: 'add', value: 'x' }] }, 'invalidSyntax'],
    [{ Operations: [{ op: 'add', path: 42, value: 'x' }] }, 'invalidPath'],
    [
      {
        schemas: ['urn:wrong'],
        Operations: [{ op: 'add', path: 'x', value: 1 }],
      },
      'invalidSyntax',
    ],
  ])('rejects %j with %s', (body, scimType) => {
    expectScimError(() => parsePatchRequest(body), 400, scimType);
  });
});
