import { createPermission } from '@backstage/plugin-permission-common';
import { permissionMatches, rulesAllow } from './accessRules';

const entityRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const entityDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const locationRead = createPermission({
  name: 'catalog.location.read',
  attributes: { action: 'read' },
});
const validate = createPermission({
  name: 'catalog.entity.validate',
  attributes: {},
});

describe('permissionMatches', () => {
  it('matches an exact name only', () => {
    expect(permissionMatches({ name: 'catalog.entity.read' }, entityRead)).toBe(
      true,
    );
    expect(permissionMatches({ name: 'catalog.entity' }, entityRead)).toBe(
      false,
    );
  });

  it('matches a name prefix ending in *', () => {
    expect(permissionMatches({ name: 'catalog.*' }, entityDelete)).toBe(true);
    expect(permissionMatches({ name: 'scim.*' }, entityDelete)).toBe(false);
    expect(permissionMatches({ name: '*' }, validate)).toBe(true);
  });

  it('needs every set field to match', () => {
    const rule = { resourceType: 'catalog-entity', action: 'read' } as const;
    expect(permissionMatches(rule, entityRead)).toBe(true);
    expect(permissionMatches(rule, entityDelete)).toBe(false);
    // A basic permission has no resource type.
    expect(permissionMatches(rule, locationRead)).toBe(false);
    expect(permissionMatches({ action: 'read' }, validate)).toBe(false);
    expect(
      permissionMatches({ name: 'catalog.*', action: 'read' }, locationRead),
    ).toBe(true);
  });
});

describe('rulesAllow', () => {
  it('allows when any rule matches and denies without rules', () => {
    const rules = [
      { name: 'catalog.location.read' },
      { action: 'read' as const },
    ];
    expect(rulesAllow(rules, entityRead)).toBe(true);
    expect(rulesAllow(rules, entityDelete)).toBe(false);
    expect(rulesAllow([], entityRead)).toBe(false);
  });
});
