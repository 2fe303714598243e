import { SCIM_SCHEMAS } from '@internal/backstage-plugin-scim-common';
import fc from 'fast-check';
import { ScimError } from '../ScimError';
import { parseScimFilter } from './parseScimFilter';

const ENTERPRISE = SCIM_SCHEMAS.enterpriseUser;

const eq = (attrPath: string, compValue: unknown) => ({
  op: 'eq',
  attrPath,
  compValue,
});

/** A test title for a filter that may be thousands of characters long. */
const label = (filter: string) =>
  filter.length > 60
    ? `${JSON.stringify(filter.slice(0, 40))}... (${filter.length} characters)`
    : JSON.stringify(filter);

const rejection = (filter: string) => {
  try {
    parseScimFilter(filter);
  } catch (error) {
    return error;
  }
  throw new Error(`'${filter}' was accepted`);
};

/** 'parsed', 'rejected' (a 400 invalidFilter), or any other error thrown. */
const outcomeOf = (filter: string) => {
  try {
    parseScimFilter(filter);
    return 'parsed';
  } catch (error) {
    return error instanceof ScimError &&
      error.status === 400 &&
      error.scimType === 'invalidFilter'
      ? 'rejected'
      : error;
  }
};

describe('parseScimFilter', () => {
  it.each([
    ['userName eq "bjensen"', eq('userName', 'bjensen')],
    [
      'UserName EQ "x" AND title PR',
      {
        op: 'and',
        filters: [eq('UserName', 'x'), { op: 'pr', attrPath: 'title' }],
      },
    ],
    [
      'a pr Or b pr and NOT (c pr)',
      {
        op: 'or',
        filters: [
          { op: 'pr', attrPath: 'a' },
          {
            op: 'and',
            filters: [
              { op: 'pr', attrPath: 'b' },
              { op: 'not', filter: { op: 'pr', attrPath: 'c' } },
            ],
          },
        ],
      },
    ],
    ['active eq True', eq('active', true)],
    ['active eq FALSE', eq('active', false)],
    ['title Eq NULL', eq('title', null)],
    ['x eq 42', eq('x', 42)],
    [`${ENTERPRISE}:manager eq "id"`, eq(`${ENTERPRISE}:manager`, 'id')],
    // JSON string escapes are decoded.
    ['userName eq "a\\\\b"', eq('userName', 'a\\b')],
    ['userName eq "caf\\u00e9"', eq('userName', 'café')],
    ['userName eq "say \\"hi\\""', eq('userName', 'say "hi"')],
    ['userName eq "True"', eq('userName', 'True')],
    // Literals go back in their own order.
    [
      'userName eq "1" or userName eq "0"',
      { op: 'or', filters: [eq('userName', '1'), eq('userName', '0')] },
    ],
  ])('parses %s', (filter, expected) => {
    expect(parseScimFilter(filter)).toEqual(expected);
  });

  describe("Entra's sub-attribute after a value path", () => {
    it.each([
      [
        'emails[type eq "work"].value eq "x"',
        {
          op: '[]',
          attrPath: 'emails',
          valFilter: {
            op: 'and',
            filters: [eq('type', 'work'), eq('value', 'x')],
          },
        },
      ],
      [
        'Emails[Type EQ "work"].Value Sw "x" and userName pr',
        {
          op: 'and',
          filters: [
            {
              op: '[]',
              attrPath: 'Emails',
              valFilter: {
                op: 'and',
                filters: [
                  eq('Type', 'work'),
                  { op: 'sw', attrPath: 'Value', compValue: 'x' },
                ],
              },
            },
            { op: 'pr', attrPath: 'userName' },
          ],
        },
      ],
      [
        // The inner `or` stays inside the element condition.
        'emails[type eq "work" or type eq "home"].value pr',
        {
          op: '[]',
          attrPath: 'emails',
          valFilter: {
            op: 'and',
            filters: [
              { op: 'or', filters: [eq('type', 'work'), eq('type', 'home')] },
              { op: 'pr', attrPath: 'value' },
            ],
          },
        },
      ],
      [
        'not (phoneNumbers[type eq "mobile"].value eq "a]b.c")',
        {
          op: 'not',
          filter: {
            op: '[]',
            attrPath: 'phoneNumbers',
            valFilter: {
              op: 'and',
              filters: [eq('type', 'mobile'), eq('value', 'a]b.c')],
            },
          },
        },
      ],
      [
        'emails[primary eq true].primary eq true',
        {
          op: '[]',
          attrPath: 'emails',
          valFilter: {
            op: 'and',
            filters: [eq('primary', true), eq('primary', true)],
          },
        },
      ],
    ])('rewrites %s to the RFC form', (filter, expected) => {
      expect(parseScimFilter(filter)).toEqual(expected);
    });

    it('leaves the same text inside a string alone', () => {
      expect(
        parseScimFilter(
          'title eq "emails[type eq \\"work\\"].value eq \\"x\\""',
        ),
      ).toEqual(eq('title', 'emails[type eq "work"].value eq "x"'));
    });
  });

  it.each(
    [
      '',
      '   ',
      'userName',
      'userName eq',
      'userName eq "x" garbage',
      'userName sw O',
      'userName eq "a" and',
      '(userName pr',
      'userName pr)',
      'userName eq "unterminated',
      'userName eq "bad \\x escape"',
      'userName eq "raw\nnewline"',
      'emails[type eq "work"',
      'emails[type eq "work"].value',
      'emails[type eq "work"].value eq',
      'emails[type eq "work"].value eq "x" ]',
      'emails.$ref pr',
      'userName eq {"a":1}',
      `userName eq "${'x'.repeat(4096)}"`,
      `${'not ('.repeat(40)}userName pr${')'.repeat(40)}`,
    ].map(filter => [label(filter), filter]),
  )('rejects %s with 400 invalidFilter', (_label, filter) => {
    expect(rejection(filter)).toMatchObject({
      status: 400,
      scimType: 'invalidFilter',
    });
  });

  it('accepts parentheses nested deeper than the limit, as they add no depth', () => {
    expect(
      parseScimFilter(`${'('.repeat(1500)}userName pr${')'.repeat(1500)}`),
    ).toEqual({ op: 'pr', attrPath: 'userName' });
  });

  it('names the original strings in error details', () => {
    expect(rejection('userName eq "x" garbage')).toMatchObject({
      detail: expect.stringContaining('"x"'),
    });
  });

  it('parses or rejects with 400 any text, never failing otherwise', () => {
    const filterish = fc.string({
      unit: fc.constantFrom(
        ...'aeqnotprsw []().:"\\\'%_-0123456789',
        ' and ',
        ' or ',
        'not ',
        ' eq ',
        ' pr',
        'emails',
        '].value',
        'true',
        'null',
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), filterish), text => {
        expect(['parsed', 'rejected']).toContain(outcomeOf(text));
      }),
      { numRuns: 2000 },
    );
  });
});
