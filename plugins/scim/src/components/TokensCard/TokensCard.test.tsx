import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeAdminApi,
  pending,
  Providers,
  responseError,
} from '../../__testUtils__/testFakes';
import { TokensCard } from './TokensCard';

describe('TokensCard', () => {
  const renderCard = async (api = fakeAdminApi(), canManage = true) => {
    await renderInTestApp(
      <Providers api={api}>
        <TokensCard canManage={canManage} maxValidityDays={730} />
      </Providers>,
    );
    return api;
  };
  const row = (text: string) => screen.getByText(text).closest('tr')!;

  it('lists tokens with their status and flags those expiring soon', async () => {
    await renderCard();
    await screen.findByText('Entra production');
    expect(screen.getAllByRole('columnheader').map(h => h.textContent)).toEqual(
      [
        'Description',
        'Token',
        'Created by',
        'Created',
        'Expires',
        'Last used',
        'Status',
        'Actions',
      ],
    );

    const active = row('Entra production');
    expect(within(active).getByText('bscim_AAAAAA…')).toBeInTheDocument();
    expect(within(active).getByText('Active')).toBeInTheDocument();
    expect(within(active).queryByText('Expires soon')).not.toBeInTheDocument();

    const soon = row('Old Entra token');
    expect(within(soon).getByText('Active')).toBeInTheDocument();
    expect(within(soon).getByText('Expires soon')).toBeInTheDocument();

    const revoked = row('bscim_CCCCCC…');
    expect(within(revoked).getByText('Revoked')).toBeInTheDocument();
    expect(within(revoked).queryByText('Expires soon')).not.toBeInTheDocument();
    expect(within(revoked).queryByRole('button')).not.toBeInTheDocument();

    expect(
      screen.getAllByRole('button', { name: /^Revoke token/ }),
    ).toHaveLength(2);
  });

  it('shows expired tokens without a revoke action', async () => {
    await renderCard(
      fakeAdminApi({
        listTokens: jest.fn(async () => [
          {
            id: 't-old',
            description: 'Last year',
            prefix: 'bscim_DDDDDD',
            createdBy: 'user:default/admin',
            createdAt: '2025-01-01T00:00:00.000Z',
            expiresAt: '2025-02-01T00:00:00.000Z',
          },
        ]),
      }),
    );
    const expired = (await screen.findByText('Last year')).closest('tr')!;
    expect(within(expired).getByText('Expired')).toBeInTheDocument();
    expect(within(expired).queryByText('Expires soon')).not.toBeInTheDocument();
    expect(within(expired).queryByRole('button')).not.toBeInTheDocument();
  });

  it('revokes a token only after confirmation, then reloads the list', async () => {
    const user = userEvent.setup();
    const api = await renderCard();
    const revokeButton = await screen.findByRole('button', {
      name: 'Revoke token Entra production (bscim_AAAAAA…)',
    });

    await user.click(revokeButton);
    let dialog = await screen.findByRole('dialog', { name: 'Revoke token?' });
    expect(dialog).toHaveTextContent('Entra production (bscim_AAAAAA…)');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.revokeToken).not.toHaveBeenCalled();

    await user.click(revokeButton);
    dialog = await screen.findByRole('dialog', { name: 'Revoke token?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(api.revokeToken).toHaveBeenCalledWith('t-active'),
    );
    expect(api.revokeToken).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.listTokens).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('shows why revoking failed in the dialog', async () => {
    const user = userEvent.setup();
    const api = fakeAdminApi({
      revokeToken: jest.fn(async () =>
        Promise.reject(
          await responseError(404, 'NotFoundError', 'Token t-active not found'),
        ),
      ),
    });
    await renderCard(api);
    await user.click(
      await screen.findByRole('button', {
        name: 'Revoke token Entra production (bscim_AAAAAA…)',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Revoke token?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not revoke the token: Token t-active not found',
    );
    expect(api.listTokens).toHaveBeenCalledTimes(1);
  });

  it('generates a token, refreshes on Done, and never shows it again', async () => {
    const user = userEvent.setup();
    const api = await renderCard();
    await screen.findByText('Entra production');
    await user.click(screen.getByRole('button', { name: 'Generate token' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Generate token',
      }),
    );
    expect(await screen.findByLabelText('Token')).toHaveValue(
      `bscim_${'n'.repeat(43)}`,
    );
    expect(api.listTokens).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(api.listTokens).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: 'Generate token' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByLabelText('Token')).not.toBeInTheDocument();
    expect(
      within(dialog).getByRole('radio', { name: '365 days' }),
    ).toBeChecked();
    expect(screen.queryByDisplayValue(/^bscim_n+$/)).not.toBeInTheDocument();
  });

  it('does not reload when the generate dialog is cancelled', async () => {
    const user = userEvent.setup();
    const api = await renderCard();
    await screen.findByText('Entra production');
    await user.click(screen.getByRole('button', { name: 'Generate token' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createToken).not.toHaveBeenCalled();
    expect(api.listTokens).toHaveBeenCalledTimes(1);
  });

  it('shows a loading state', async () => {
    await renderCard(fakeAdminApi({ listTokens: jest.fn(() => pending()) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an empty state', async () => {
    await renderCard(fakeAdminApi({ listTokens: jest.fn(async () => []) }));
    expect(
      await screen.findByText(/No tokens yet\. Generate one/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an error state with the server message', async () => {
    await renderCard(
      fakeAdminApi({
        listTokens: jest.fn(async () =>
          Promise.reject(
            await responseError(500, 'Error', 'database unavailable'),
          ),
        ),
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the tokens: database unavailable/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('is read-only without the manage permission', async () => {
    await renderCard(fakeAdminApi(), false);
    await screen.findByText('Entra production');
    expect(
      screen.queryByRole('button', { name: 'Generate token' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'Actions' }),
    ).not.toBeInTheDocument();
  });
});
