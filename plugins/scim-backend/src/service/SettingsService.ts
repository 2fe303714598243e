import { ScimSettings } from '@internal/backstage-plugin-scim-common';
import { InputError } from '@backstage/errors';
import { DatabaseAuditStore } from '../database/DatabaseAuditStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';

/** How long the enabled flag is trusted from memory (other replicas see a change this late). */
const ENABLED_TTL_MS = 5_000;

/** The provisioning switch and the SCIM base URL. */
export class SettingsService {
  private enabledCache: { value: boolean; readAt: number } | undefined;

  constructor(
    private readonly store: DatabaseSettingsStore,
    private readonly audit: DatabaseAuditStore,
    private readonly baseUrl: string,
    private readonly maxTokenValidityDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Read on every SCIM request, so it is cached briefly. Off until an admin enables it. */
  async isEnabled(): Promise<boolean> {
    const nowMs = this.now().getTime();
    if (
      !this.enabledCache ||
      nowMs - this.enabledCache.readAt > ENABLED_TTL_MS
    ) {
      const value = (await this.store.get<boolean>('enabled')) ?? false;
      this.enabledCache = { value, readAt: nowMs };
    }
    return this.enabledCache.value;
  }

  async get(): Promise<ScimSettings> {
    return {
      enabled: await this.isEnabled(),
      baseUrl: this.baseUrl,
      maxTokenValidityDays: this.maxTokenValidityDays,
    };
  }

  async update(body: unknown, actor: string): Promise<ScimSettings> {
    const enabled = (body as { enabled?: unknown } | undefined)?.enabled;
    if (typeof enabled !== 'boolean') {
      throw new InputError('enabled must be true or false');
    }
    const before = (await this.store.get<boolean>('enabled')) ?? false;
    await this.store.set('enabled', enabled, actor);
    this.enabledCache = { value: enabled, readAt: this.now().getTime() };
    if (before !== enabled) {
      await this.audit.append({
        actor,
        action: 'settings.updated',
        target: 'enabled',
        details: { before: { enabled: before }, after: { enabled } },
      });
    }
    return this.get();
  }
}
