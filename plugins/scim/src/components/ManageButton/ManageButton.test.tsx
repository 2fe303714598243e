import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MANAGE_ACCESS_TOOLTIP, ManageButton } from './ManageButton';

describe('ManageButton', () => {
  it('is a plain button for identity admins', async () => {
    const onClick = jest.fn();
    render(
      <ManageButton canManage onClick={onClick}>
        Assign access
      </ManageButton>,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Assign access' }),
    );
    expect(onClick).toHaveBeenCalled();
  });

  it('is disabled and says why for read-only admins', async () => {
    const onClick = jest.fn();
    render(
      <ManageButton canManage={false} onClick={onClick}>
        Assign access
      </ManageButton>,
    );
    const button = screen.getByRole('button', { name: 'Assign access' });
    expect(button).toBeDisabled();
    await userEvent.hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      MANAGE_ACCESS_TOOLTIP,
    );
  });
});
