import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  DirectoryProviders,
  fakeDirectoryApi,
} from '../../__testUtils__/directoryFakes';
import { RequireIdentityAdmin } from './RequireIdentityAdmin';

const render = (canRead: boolean) =>
  renderInTestApp(
    <DirectoryProviders api={fakeDirectoryApi()} canRead={canRead}>
      <RequireIdentityAdmin action="see the admin content">
        admin content
      </RequireIdentityAdmin>
    </DirectoryProviders>,
  );

describe('RequireIdentityAdmin', () => {
  it('shows its content to identity admins', async () => {
    await render(true);
    expect(await screen.findByText('admin content')).toBeInTheDocument();
  });

  it('tells everyone else which permission they need, and for what', async () => {
    await render(false);
    expect(
      await screen.findByRole('heading', {
        name: 'You need the identity admin permission (scim.settings.read) to see the admin content',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ask a portal administrator for it.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('admin content')).not.toBeInTheDocument();
  });
});
