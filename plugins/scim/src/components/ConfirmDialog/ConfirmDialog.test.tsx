import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmDialog } from './ConfirmDialog';

describe('ConfirmDialog', () => {
  const renderDialog = (props: { busy?: boolean; error?: string } = {}) => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    return renderInTestApp(
      <ConfirmDialog
        open
        title="Revoke token?"
        confirmLabel="Revoke"
        onConfirm={onConfirm}
        onCancel={onCancel}
        {...props}
      >
        Entra requests will be refused.
      </ConfirmDialog>,
    ).then(() => ({ onConfirm, onCancel }));
  };

  it('is named and described for screen readers, and confirms or cancels', async () => {
    const user = userEvent.setup();
    const { onConfirm, onCancel } = await renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Revoke token?' });
    expect(dialog).toHaveAccessibleDescription(
      'Entra requests will be refused.',
    );
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('disables both buttons while busy and shows an error', async () => {
    await renderDialog({ busy: true, error: 'Could not revoke: gone' });
    expect(screen.getByRole('button', { name: /Revoke/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not revoke: gone',
    );
  });
});
