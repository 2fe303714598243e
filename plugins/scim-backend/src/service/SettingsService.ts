import { InputError } from '@backstage/errors';
import { ScimSettings } from '@internal/backstage-plugin-scim-common';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { AuditLog } from './AuditLog';

/**
 * How long the enabled flag is trusted from memory. A change made through
 * this process applies at once; other replicas see it within this time.
 */
export const ENABLED_CACHE_TTL_MS = 5_000;

const ENABLED_KEY = 'enabled';

export interface SettingsServiceOptions {
  store: DatabaseSettingsStore;
  audit: AuditLog;
  /** External SCIM base URL, the Entra "Tenant URL". */
  baseUrl: string;
  maxTokenValidityDays: number;
  now?: () => Date;
}

/** The provisioning switch (off until an admin turns it on) and the SCIM base URL. */
export class SettingsService {
  private readonly now: () => Date;
  private enabledCache: { value: boolean; readAt: number } | undefined;
  /** Shares one database read between requests that miss the cache together. */
  private enabledRead: Promise<boolean> | undefined;
  /** Bumped by local updates, so a read that started earlier cannot overwrite them. */
  private version = 0;

  constructor(private readonly options: SettingsServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Asked on every SCIM request, so served from memory most of the time. */
  async isEnabled(): Promise<boolean> {
    const cached = this.enabledCache;
    if (
      cached &&
      this.now().getTime() - cached.readAt <= ENABLED_CACHE_TTL_MS
    ) {
      return cached.value;
    }
    if (!this.enabledRead) {
      const readAt = this.now().getTime();
      const version = this.version;
      this.enabledRead = this.readEnabled()
        .then(value => {
          if (version !== this.version && this.enabledCache) {
            return this.enabledCache.value; // a local update landed meanwhile
          }
          this.enabledCache = { value, readAt };
          return value;
        })
        .finally(() => {
          this.enabledRead = undefined;
        });
    }
    return this.enabledRead;
  }

  async get(): Promise<ScimSettings> {
    return {
      enabled: await this.isEnabled(),
      baseUrl: this.options.baseUrl,
      maxTokenValidityDays: this.options.maxTokenValidityDays,
    };
  }

  /** Sets the switch from a request body and audits it, also when nothing changed. */
  async update(body: unknown, actor: string): Promise<ScimSettings> {
    const enabled = (body as { enabled?: unknown } | null | undefined)?.enabled;
    if (typeof enabled !== 'boolean') {
      throw new InputError('enabled must be true or false');
    }
    const now = this.now();
    const before = await this.readEnabled();
    await this.options.store.set(
      ENABLED_KEY,
      enabled,
      actor,
      now.toISOString(),
    );
    this.version += 1;
    this.enabledCache = { value: enabled, readAt: now.getTime() };
    await this.options.audit.record({
      actor,
      action: 'settings.updated',
      target: ENABLED_KEY,
      details: { before: { enabled: before }, after: { enabled } },
    });
    return this.get();
  }

  private async readEnabled(): Promise<boolean> {
    return (await this.options.store.get<boolean>(ENABLED_KEY)) === true;
  }
}
