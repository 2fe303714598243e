import { Button, ButtonProps, Tooltip } from '@material-ui/core';

export const MANAGE_ACCESS_TOOLTIP =
  'You need the identity admin permission (scim.settings.manage) to change access';

export interface ManageButtonProps extends ButtonProps {
  /** The viewer holds `scim.settings.manage`; otherwise the button is disabled and says why. */
  canManage: boolean;
}

/** A button that changes access: disabled, with a tooltip, for read-only admins. */
export function ManageButton(props: ManageButtonProps) {
  const { canManage, disabled, ...buttonProps } = props;
  if (canManage) {
    return <Button disabled={disabled} {...buttonProps} />;
  }
  return (
    <Tooltip title={MANAGE_ACCESS_TOOLTIP}>
      {/* A disabled button fires no events; the span lets the tooltip show. */}
      <span>
        <Button disabled {...buttonProps} />
      </span>
    </Tooltip>
  );
}
