import {
  EntraJobStatus,
  EntraProvisioningLogEntry,
} from '@internal/backstage-plugin-scim-common';

/** The fields we read of Graph's `provisioningObjectSummary`. */
export interface GraphProvisioningObjectSummary {
  id: string;
  activityDateTime: string;
  cycleId?: string | null;
  changeId?: string | null;
  durationInMilliseconds?: number | null;
  provisioningAction?: string | null;
  provisioningStatusInfo?: {
    status?: string | null;
    errorInformation?: {
      errorCode?: string | null;
      reason?: string | null;
    } | null;
  } | null;
  sourceIdentity?: GraphIdentity | null;
  targetIdentity?: GraphIdentity | null;
}

interface GraphIdentity {
  id?: string | null;
  displayName?: string | null;
  identityType?: string | null;
}

/** The fields we read of Graph's `synchronizationJob`. */
export interface GraphSynchronizationJob {
  id: string;
  templateId?: string | null;
  schedule?: { state?: string | null } | null;
  status?: {
    code?: string | null;
    lastExecution?: {
      state?: string | null;
      timeBegan?: string | null;
      timeEnded?: string | null;
      error?: { code?: string | null; message?: string | null } | null;
    } | null;
    quarantine?: {
      currentBegan?: string | null;
      nextAttempt?: string | null;
      reason?: string | null;
    } | null;
    steadyStateLastAchievedTime?: string | null;
  } | null;
}

const value = <T>(v: T | null | undefined) => v ?? undefined;
/** Graph writes "never" as the .NET minimum date. */
const time = (v: string | null | undefined) =>
  v && !v.startsWith('0001-01-01') ? v : undefined;

/** Drops undefined properties, so the JSON answer stays small and exact. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined),
  ) as T;
}

export function toEntraLogEntry(
  summary: GraphProvisioningObjectSummary,
): EntraProvisioningLogEntry {
  const status = summary.provisioningStatusInfo;
  return defined({
    id: summary.id,
    time: summary.activityDateTime,
    operation: value(summary.provisioningAction) ?? 'other',
    status: value(status?.status) ?? 'unknown',
    resourceType: value(summary.sourceIdentity?.identityType),
    sourceName: value(summary.sourceIdentity?.displayName),
    sourceId: value(summary.sourceIdentity?.id),
    targetName: value(summary.targetIdentity?.displayName),
    targetId: value(summary.targetIdentity?.id),
    errorCode: value(status?.errorInformation?.errorCode),
    errorReason: value(status?.errorInformation?.reason),
    cycleId: value(summary.cycleId),
    changeId: value(summary.changeId),
    durationMs: value(summary.durationInMilliseconds),
  });
}

export function toEntraJobStatus(job: GraphSynchronizationJob): EntraJobStatus {
  const status = job.status;
  const last = status?.lastExecution;
  const quarantine = status?.quarantine;
  return defined({
    configured: true as const,
    jobId: job.id,
    templateId: value(job.templateId),
    state: value(status?.code) ?? value(job.schedule?.state) ?? 'Unknown',
    lastRun: last
      ? defined({
          state: value(last.state),
          startedAt: time(last.timeBegan),
          finishedAt: time(last.timeEnded),
          error: value(last.error?.message) ?? value(last.error?.code),
        })
      : undefined,
    quarantine: quarantine
      ? defined({
          since: time(quarantine.currentBegan),
          reason: value(quarantine.reason),
          nextAttempt: time(quarantine.nextAttempt),
        })
      : undefined,
    steadyStateLastAchievedAt: time(status?.steadyStateLastAchievedTime),
  });
}
