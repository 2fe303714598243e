import { parsePatchRequest } from './parsePatchRequest';
import { splitGroupPatch } from './splitGroupPatch';

const split = (operations: unknown[]) =>
  splitGroupPatch(parsePatchRequest({ Operations: operations }));

describe('splitGroupPatch', () => {
  it('turns Entra member adds (several members, $ref null) into one add', () => {
    expect(
      split([
        {
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: 'u1' },
            { $ref: null, value: 'u2' },
          ],
        },
      ]),
    ).toEqual({
      attributeOperations: [],
      memberChanges: [{ kind: 'add', userIds: ['u1', 'u2'] }],
    });
  });

  it('handles both removal shapes and remove-all', () => {
    expect(
      split([
        { op: 'Remove', path: 'members', value: [{ value: 'u1' }] },
        { op: 'remove', path: 'members[value eq "u2"]' },
        { op: 'remove', path: 'Members[value eq "u3" or value eq "u4"]' },
        { op: 'remove', path: 'members' },
      ]).memberChanges,
    ).toEqual([
      { kind: 'remove', userIds: ['u1'] },
      { kind: 'remove', userIds: ['u2'] },
      { kind: 'remove', userIds: ['u3', 'u4'] },
      { kind: 'removeAll' },
    ]);
  });

  it('splits a no-path replace into attributes and a member replace', () => {
    expect(
      split([
        {
          op: 'replace',
          value: { displayName: 'Ops', members: [{ value: 'u9' }] },
        },
        { op: 'Replace', path: 'displayName', value: 'Ops 2' },
      ]),
    ).toEqual({
      attributeOperations: [
        { op: 'replace', value: { displayName: 'Ops' } },
        { op: 'replace', path: 'displayName', value: 'Ops 2' },
      ],
      memberChanges: [{ kind: 'replace', userIds: ['u9'] }],
    });
  });

  it.each([
    [
      [{ op: 'add', path: 'members', value: [{ display: 'no value' }] }],
      'invalidValue',
    ],
    [[{ op: 'add', path: 'members', value: ['u1'] }], 'invalidValue'],
    [[{ op: 'remove', path: 'members[display eq "x"]' }], 'invalidFilter'],
    [
      [{ op: 'remove', path: 'members[value eq "a" and value eq "b"]' }],
      'invalidFilter',
    ],
    [[{ op: 'remove', path: 'members[value eq ]' }], 'invalidFilter'],
    [
      [{ op: 'replace', path: 'members[value eq "a"]', value: [] }],
      'invalidPath',
    ],
  ])('rejects %j with %s', (operations, scimType) => {
    expect(() => split(operations)).toThrow(
      expect.objectContaining({ status: 400, scimType }),
    );
  });
});
