import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeAdminApi, Providers } from '../../__testUtils__/testFakes';
import { GenerateTokenDialog } from './GenerateTokenDialog';

describe('GenerateTokenDialog', () => {
  const renderDialog = async (api = fakeAdminApi()) => {
    const onClose = jest.fn();
    await renderInTestApp(
      <Providers api={api}>
        <GenerateTokenDialog open maxValidityDays={730} onClose={onClose} />
      </Providers>,
    );
    return { api, onClose };
  };

  it('generates a token with the chosen validity and shows it once', async () => {
    const { api, onClose } = await renderDialog();
    await userEvent.click(screen.getByRole('radio', { name: '90 days' }));
    await userEvent.type(
      screen.getByLabelText('Description (optional)'),
      'Entra',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Generate token' }),
    );

    expect(
      await screen.findByText(/You will not be able to see it again/),
    ).toBeInTheDocument();
    expect(api.createToken).toHaveBeenCalledWith({
      validityDays: 90,
      description: 'Entra',
    });
    expect(screen.getByLabelText('Token')).toHaveValue(
      `bscim_${'n'.repeat(43)}`,
    );
    expect(
      screen.getByRole('button', { name: 'Copy token' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('validates a custom number of days', async () => {
    const { api } = await renderDialog();
    await userEvent.click(screen.getByRole('radio', { name: 'Custom' }));
    const days = screen.getByLabelText('Days');
    const generate = screen.getByRole('button', { name: 'Generate token' });
    await userEvent.type(days, '0');
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(generate).toBeDisabled();
    await userEvent.clear(days);
    await userEvent.type(days, '800');
    expect(generate).toBeDisabled();
    await userEvent.clear(days);
    await userEvent.type(days, '45');
    expect(days).toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(generate);
    await waitFor(() =>
      expect(api.createToken).toHaveBeenCalledWith({
        validityDays: 45,
        description: undefined,
      }),
    );
  });

  it('shows an API error in the dialog', async () => {
    const api = fakeAdminApi({
      createToken: jest.fn(async () =>
        Promise.reject(new Error('validityDays must be a whole number')),
      ),
    });
    const { onClose } = await renderDialog(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Generate token' }),
    );
    expect(
      await screen.findByText('validityDays must be a whole number'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledWith(false);
  });
});
