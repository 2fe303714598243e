import { describeBucket, summarizeBuckets } from './summarizeBuckets';

const hour = (h: number) =>
  `2026-03-10T${String(h).padStart(2, '0')}:00:00.000Z`;

describe('summarizeBuckets', () => {
  it('totals requests and errors and names the busiest hour', () => {
    const buckets = [
      { hour: hour(10), requests: 3, errors: 0 },
      { hour: hour(11), requests: 40, errors: 2 },
      { hour: hour(12), requests: 1, errors: 1 },
    ];
    expect(summarizeBuckets(buckets)).toBe(
      `44 requests and 3 errors in the last 3 hours. Busiest hour: ${describeBucket(
        buckets[1],
      )}.`,
    );
    expect(describeBucket(buckets[1])).toMatch(/: 40 requests, 2 errors$/);
    expect(describeBucket(buckets[2])).toMatch(/: 1 request, 1 error$/);
  });

  it('says when there were no requests', () => {
    expect(
      summarizeBuckets([
        { hour: hour(10), requests: 0, errors: 0 },
        { hour: hour(11), requests: 0, errors: 0 },
      ]),
    ).toBe('No SCIM requests in the last 2 hours.');
  });
});
