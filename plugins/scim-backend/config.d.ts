export interface Config {
  /** Configuration of the SCIM 2.0 provisioning plugin. */
  scim?: {
    /**
     * Largest `count` a SCIM list request may return; larger requests are capped.
     * @default 200
     */
    maxResults?: number;
    /**
     * Largest accepted request body, as a byte size string (`'5mb'`) or bytes.
     * A PATCH adding 10k group members is about 0.5 MB.
     * @default '5mb'
     */
    maxBodySize?: string | number;
    tokens?: {
      /**
       * Longest validity, in days, an admin may choose for a new bearer token.
       * @default 730
       */
      maxValidityDays?: number;
    };
    /** The provisioning log of SCIM requests received (docs/provisioning-logs.md). */
    logs?: {
      /**
       * Record every SCIM request.
       * @default true
       */
      enabled?: boolean;
      /**
       * Keep request and response bodies, with secrets redacted.
       * @default true
       */
      keepBodies?: boolean;
      /**
       * Each kept body is cut to this many bytes.
       * @default 16384
       */
      maxBodyBytes?: number;
      /**
       * Entries older than this many days are deleted (hourly task).
       * @default 30
       */
      retentionDays?: number;
      /**
       * At most this many entries are kept; the oldest go first.
       * @default 100000
       */
      maxRows?: number;
    };
    /**
     * Microsoft Graph access to Entra's own provisioning logs and job status.
     * Needs an app registration with the application permissions
     * AuditLog.Read.All and Synchronization.Read.All (admin consent).
     */
    entra?: {
      /** Directory (tenant) id. */
      tenantId: string;
      /** Application (client) id of the app registration that reads Graph. */
      clientId: string;
      /**
       * Client secret of that app registration.
       * @visibility secret
       */
      clientSecret: string;
      /** Object id of the SCIM enterprise application's service principal. */
      servicePrincipalId: string;
      /**
       * Graph root, without version.
       * @default 'https://graph.microsoft.com'
       */
      graphBaseUrl?: string;
      /**
       * Token authority.
       * @default 'https://login.microsoftonline.com'
       */
      authorityHost?: string;
    };
    /** Group access: what admins can grant to groups and users (docs/access.md). */
    access?: {
      /**
       * The services and their roles. When set, replaces the whole default
       * list (Software Catalog, Scaffolder, TechDocs, Identity and access).
       * Stored grants of a service or role no longer listed are reported as
       * unknown and grant nothing.
       */
      services?: Array<{
        /** Stable id stored with grants: lower-case letters, digits, `.`, `_`, `-`. */
        id: string;
        title: string;
        description?: string;
        roles: Array<{
          /** Stable id stored with grants, unique within the service. */
          id: string;
          title: string;
          description?: string;
          /**
           * The Backstage permissions the role allows. Every field set in a
           * rule must match; `name` may end in `*` to match a prefix
           * (`catalog.*`, or `*` for everything).
           */
          permissions: Array<{
            name?: string;
            resourceType?: string;
            action?: 'create' | 'read' | 'update' | 'delete';
          }>;
        }>;
      }>;
    };
  };
}
