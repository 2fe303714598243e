import { createPermission } from '@backstage/plugin-permission-common';

/** Read SCIM provisioning settings, tokens (without secrets) and the audit trail. */
export const scimSettingsReadPermission = createPermission({
  name: 'scim.settings.read',
  attributes: { action: 'read' },
});

/** Enable or disable provisioning and create or revoke SCIM bearer tokens. */
export const scimSettingsManagePermission = createPermission({
  name: 'scim.settings.manage',
  attributes: { action: 'update' },
});

/** Every permission the SCIM plugin defines. */
export const scimPermissions = [
  scimSettingsReadPermission,
  scimSettingsManagePermission,
];
