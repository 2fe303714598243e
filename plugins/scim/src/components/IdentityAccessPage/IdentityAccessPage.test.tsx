import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { fakeAdminApi, Providers } from '../../__testUtils__/testFakes';
import { IdentityAccessPage } from './IdentityAccessPage';

describe('IdentityAccessPage', () => {
  it('opens on the SCIM provisioning tab, beside users, groups and logs', async () => {
    await renderInTestApp(
      <Providers api={fakeAdminApi()}>
        <IdentityAccessPage />
      </Providers>,
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Identity and access' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^User lifecycle/)).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map(t => t.textContent)).toEqual([
      'Automated user provisioning with SCIM',
      'Users',
      'Groups',
      'Provisioning logs',
    ]);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByRole('checkbox', { name: 'Enable SCIM provisioning' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Entra production')).toBeInTheDocument();
  });
});
