import { DEFAULT_FILTERS, toLogQuery } from './logFilters';

describe('toLogQuery', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('leaves every "any" filter out', () => {
    expect(toLogQuery(DEFAULT_FILTERS, now)).toEqual({
      from: undefined,
      operation: undefined,
      resourceType: undefined,
      status: undefined,
      search: undefined,
    });
  });

  it('counts the time range back from now and trims the search', () => {
    expect(
      toLogQuery(
        {
          range: '24h',
          operation: 'disable',
          resourceType: 'User',
          status: 'error',
          search: '  alice ',
        },
        now,
      ),
    ).toEqual({
      from: '2026-03-09T12:00:00.000Z',
      operation: 'disable',
      resourceType: 'User',
      status: 'error',
      search: 'alice',
    });
    expect(toLogQuery({ ...DEFAULT_FILTERS, range: '1h' }, now).from).toBe(
      '2026-03-10T11:00:00.000Z',
    );
    expect(toLogQuery({ ...DEFAULT_FILTERS, search: '   ' }, now).search).toBe(
      undefined,
    );
  });
});
