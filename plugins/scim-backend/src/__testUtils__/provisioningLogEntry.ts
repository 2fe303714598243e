import { NewProvisioningLogEntry } from '../logs/ProvisioningLogStore';

/** A successful user create at `time`, for log store and router tests. */
export const provisioningLogEntry = (
  time: string,
  extra: Partial<NewProvisioningLogEntry> = {},
): NewProvisioningLogEntry => ({
  time,
  requestId: `req-${time}`,
  method: 'POST',
  path: '/Users',
  resourceType: 'User',
  operation: 'create',
  status: 201,
  durationMs: 4,
  ...extra,
});
