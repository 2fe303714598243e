export { UsersTab } from './UsersTab';
export { UserAccessPanel } from './UserAccessPanel';
export type { UserAccessPanelProps } from './UserAccessPanel';
