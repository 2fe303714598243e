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
      <RequireIdentityAdmin>admin content</RequireIdentityAdmin>
    </DirectoryProviders>,
  );

describe('RequireIdentityAdmin', () => {
  it('shows its content to identity admins', async () => {
    await render(true);
    expect(await screen.findByText('admin content')).toBeInTheDocument();
  });

  it('tells everyone else which permission they need', async () => {
    await render(false);
    expect(
      await screen.findByText('You need the identity admin permission'),
    ).toBeInTheDocument();
    expect(screen.getByText(/scim\.settings\.read/)).toBeInTheDocument();
    expect(screen.queryByText('admin content')).not.toBeInTheDocument();
  });
});
