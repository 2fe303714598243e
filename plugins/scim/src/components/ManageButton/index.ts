export { ManageButton, MANAGE_ACCESS_TOOLTIP } from './ManageButton';
export type { ManageButtonProps } from './ManageButton';
