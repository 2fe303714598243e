import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { FeedGroup, FeedUser } from '@internal/backstage-plugin-scim-common';
import { createHash } from 'crypto';
import {
  assignEntityNames,
  groupBaseName,
  NameClaim,
  normalizeEntityName,
  userBaseName,
} from './entityNames';

const hex6 = (id: string) =>
  createHash('sha256').update(id).digest('hex').slice(0, 6);

const user = (patch: Partial<FeedUser>): FeedUser => ({
  id: 'u1',
  userName: 'Alice.Smith@Example.com',
  email: 'alice@corp.example',
  active: true,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...patch,
});

const group = (patch: Partial<FeedGroup>): FeedGroup => ({
  id: 'g1',
  displayName: 'Platform Team (Owners)',
  externalId: '5c2a4e1b-0f3d-4a7e-9b1c-2d3e4f5a6b7c',
  memberIds: [],
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  ...patch,
});

describe('normalizeEntityName', () => {
  it.each([
    ['alice', 'alice'],
    ['Alice.Smith@Example.com', 'alice.smith_example.com'],
    ['  Platform Team (Owners) ', 'platform_team_owners'],
    ['José Müller', 'jose_muller'],
    ['İstanbul', 'istanbul'],
    ['a   b', 'a_b'],
    ['--.x.--', 'x'],
    ['__init__', 'init'],
    ['测试', ''],
    ['', ''],
  ])('cleans %p into %p', (input, expected) => {
    expect(normalizeEntityName(input)).toBe(expected);
  });

  it('truncates to 63 characters without ending on a separator', () => {
    const name = normalizeEntityName(`${'a'.repeat(62)}.bbbb`);
    expect(name).toBe('a'.repeat(62));
    expect(normalizeEntityName('x'.repeat(100))).toHaveLength(63);
  });

  it('always yields a valid entity name or nothing', () => {
    const inputs = [
      'a@b',
      `${'ab.'.repeat(30)}c`,
      '1-2_3.4',
      'Ünïcödé Tëst',
      '.hidden',
      'x'.repeat(64),
      'emoji 🎉 team',
    ];
    for (const input of inputs) {
      const name = normalizeEntityName(input);
      expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
    }
  });
});

describe('userBaseName', () => {
  it.each([
    ['userName', 'alice.smith_example.com'],
    ['email', 'alice_corp.example'],
    ['localPart', 'alice'],
  ] as const)('derives from %s', (from, expected) => {
    expect(userBaseName(user({}), from)).toBe(expected);
  });

  it('falls back to userName when there is no email', () => {
    const noEmail = user({ email: undefined });
    expect(userBaseName(noEmail, 'email')).toBe('alice.smith_example.com');
    expect(userBaseName(noEmail, 'localPart')).toBe('alice.smith');
  });

  it('falls back to the id when nothing usable is left', () => {
    expect(
      userBaseName(user({ userName: '测试', id: 'ID-1' }), 'userName'),
    ).toBe('id-1');
    expect(userBaseName(user({ userName: '测试', id: '测' }), 'userName')).toBe(
      createHash('sha256').update('测').digest('hex').slice(0, 12),
    );
  });
});

describe('groupBaseName', () => {
  it('derives from the display name or the externalId', () => {
    expect(groupBaseName(group({}), 'displayName')).toBe(
      'platform_team_owners',
    );
    expect(groupBaseName(group({}), 'externalId')).toBe(
      '5c2a4e1b-0f3d-4a7e-9b1c-2d3e4f5a6b7c',
    );
    expect(groupBaseName(group({ externalId: undefined }), 'externalId')).toBe(
      'platform_team_owners',
    );
  });
});

describe('assignEntityNames', () => {
  const claim = (id: string, base: string, createdAt: string): NameClaim => ({
    id,
    base,
    createdAt,
  });

  it('keeps unique bases as they are', () => {
    const names = assignEntityNames([
      claim('1', 'alice', '2024-01-01T00:00:00Z'),
      claim('2', 'bob', '2024-01-01T00:00:00Z'),
    ]);
    expect([...names]).toEqual([
      ['1', 'alice'],
      ['2', 'bob'],
    ]);
  });

  it('gives a shared base to the oldest, then the smallest id, and suffixes the others', () => {
    const names = assignEntityNames([
      claim('c', 'alice', '2024-03-01T00:00:00Z'),
      claim('b', 'alice', '2024-01-01T00:00:00.500Z'),
      claim('a', 'alice', '2024-01-01T00:00:00.500Z'),
      claim('d', 'alice', '2024-01-01T00:00:01Z'),
    ]);
    expect(names.get('a')).toBe('alice');
    expect(names.get('b')).toBe(`alice-${hex6('b')}`);
    expect(names.get('c')).toBe(`alice-${hex6('c')}`);
    expect(names.get('d')).toBe(`alice-${hex6('d')}`);
  });

  it('compares timestamps as times, not strings', () => {
    // As strings '...00Z' > '...00.100Z', as times it is older.
    const names = assignEntityNames([
      claim('late', 'x', '2024-01-01T00:00:00.100Z'),
      claim('early', 'x', '2024-01-01T00:00:00Z'),
    ]);
    expect(names.get('early')).toBe('x');
  });

  it('truncates a long base so the suffixed name stays within 63 characters', () => {
    const base = `${'a'.repeat(55)}.${'b'.repeat(7)}`;
    const names = assignEntityNames([
      claim('1', base, '2024-01-01T00:00:00Z'),
      claim('2', base, '2024-02-01T00:00:00Z'),
    ]);
    const suffixed = names.get('2')!;
    expect(suffixed).toBe(`${'a'.repeat(55)}-${hex6('2')}`);
    expect(suffixed.length).toBeLessThanOrEqual(63);
    expect(KubernetesValidatorFunctions.isValidObjectName(suffixed)).toBe(true);
  });

  it('never hands out a base another resource owns, nor any name twice', () => {
    const taken = `alice-${hex6('2')}`;
    const names = assignEntityNames([
      claim('1', 'alice', '2024-01-01T00:00:00Z'),
      claim('2', 'alice', '2024-02-01T00:00:00Z'),
      claim('3', taken, '2024-03-01T00:00:00Z'),
    ]);
    expect(names.get('3')).toBe(taken);
    expect(names.get('2')).toMatch(/^alice-[0-9a-f]{12}$/);
    expect(new Set(names.values()).size).toBe(3);
  });

  it('is deterministic whatever the input order', () => {
    const claims = Array.from({ length: 50 }, (_, i) =>
      claim(
        `id-${i}`,
        `name-${i % 7}`,
        `2024-01-${String((i % 5) + 1).padStart(2, '0')}T00:00:00Z`,
      ),
    );
    const forward = assignEntityNames(claims);
    const backward = assignEntityNames([...claims].reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
    expect(new Set(forward.values()).size).toBe(50);
  });
});
