import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeLogsApi, LogsProviders } from '../../__testUtils__/logsFakes';
import { ProvisioningLogsTab } from './ProvisioningLogsTab';

describe('ProvisioningLogsTab', () => {
  const renderTab = async (api = fakeLogsApi(), canRead = true) => {
    await renderInTestApp(
      <LogsProviders api={api} canRead={canRead}>
        <ProvisioningLogsTab />
      </LogsProviders>,
    );
    return api;
  };

  it('opens on the SCIM requests and switches to Entra with the keyboard', async () => {
    const user = userEvent.setup();
    const api = await renderTab();
    const scimTab = await screen.findByRole('tab', { name: 'SCIM requests' });
    expect(scimTab).toHaveAttribute('aria-selected', 'true');
    expect(
      screen.getByRole('tabpanel', { name: 'SCIM requests' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('alice@example.com')).toBeInTheDocument();
    expect(api.getEntraJob).not.toHaveBeenCalled();

    await user.tab();
    expect(scimTab).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const entraTab = screen.getByRole('tab', { name: 'Entra' });
    expect(entraTab).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(entraTab).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText('Entra synchronization job'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'Entra' })).toBeInTheDocument();
    // The SCIM request panel, with its filter bar, is gone.
    expect(
      screen.queryByRole('search', { name: 'Filter the provisioning log' }),
    ).not.toBeInTheDocument();
  });

  it('tells users without scim.settings.read what they need, and loads nothing', async () => {
    const api = await renderTab(fakeLogsApi(), false);
    expect(
      await screen.findByRole('heading', {
        name: 'You need the identity admin permission (scim.settings.read) to see the provisioning logs',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(api.listLogs).not.toHaveBeenCalled();
    expect(api.getSummary).not.toHaveBeenCalled();
  });
});
