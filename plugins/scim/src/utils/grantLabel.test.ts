import { grantLabel, shortEntityRef } from './grantLabel';

const services = [
  {
    id: 'catalog',
    title: 'Software Catalog',
    roles: [{ id: 'viewer', title: 'Viewer', permissions: [] }],
  },
];

describe('grantLabel', () => {
  it('uses the configured titles, and the ids of unknown services or roles', () => {
    expect(grantLabel({ service: 'catalog', role: 'viewer' }, services)).toBe(
      'Software Catalog: Viewer',
    );
    expect(grantLabel({ service: 'catalog', role: 'gone' }, services)).toBe(
      'Software Catalog: gone',
    );
    expect(grantLabel({ service: 'old', role: 'x' }, services)).toBe('old: x');
  });

  it('shortens refs in the default namespace only', () => {
    expect(shortEntityRef('group:default/developers')).toBe('developers');
    expect(shortEntityRef('group:ops/sre')).toBe('group:ops/sre');
  });
});
