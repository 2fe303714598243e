import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { scimSettingsReadPermission } from '@internal/backstage-plugin-scim-common';
import { PermissionRequired } from './PermissionRequired';

describe('PermissionRequired', () => {
  it('names the missing permission and what it is for', async () => {
    await renderInTestApp(
      <PermissionRequired
        permission={scimSettingsReadPermission}
        action="see the provisioning logs"
      />,
    );
    expect(
      screen.getByRole('heading', {
        name: 'You need the identity admin permission (scim.settings.read) to see the provisioning logs',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ask a portal administrator for it.'),
    ).toBeInTheDocument();
  });
});
