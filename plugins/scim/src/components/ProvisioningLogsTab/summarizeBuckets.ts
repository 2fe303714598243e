import { ProvisioningLogSummary } from '@internal/backstage-plugin-scim-common';

type Bucket = ProvisioningLogSummary['buckets'][number];

const hourLabel = (hour: string) =>
  new Date(hour).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** One bar's text: "3 Mar, 14:00: 40 requests, 2 errors". */
export const describeBucket = (bucket: Bucket) =>
  `${hourLabel(bucket.hour)}: ${bucket.requests} ${
    bucket.requests === 1 ? 'request' : 'requests'
  }, ${bucket.errors} ${bucket.errors === 1 ? 'error' : 'errors'}`;

/** The chart in words, for screen readers and as its visible caption. */
export function summarizeBuckets(buckets: Bucket[]): string {
  const requests = buckets.reduce((sum, b) => sum + b.requests, 0);
  const errors = buckets.reduce((sum, b) => sum + b.errors, 0);
  const window = `the last ${buckets.length} ${
    buckets.length === 1 ? 'hour' : 'hours'
  }`;
  if (requests === 0) {
    return `No SCIM requests in ${window}.`;
  }
  const busiest = buckets.reduce((a, b) => (b.requests > a.requests ? b : a));
  return `${requests} ${
    requests === 1 ? 'request' : 'requests'
  } and ${errors} ${
    errors === 1 ? 'error' : 'errors'
  } in ${window}. Busiest hour: ${describeBucket(busiest)}.`;
}
