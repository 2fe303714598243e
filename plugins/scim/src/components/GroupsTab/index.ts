export { GroupsTab } from './GroupsTab';
export { GroupAccessDialog } from './GroupAccessDialog';
export type { GroupAccessDialogProps } from './GroupAccessDialog';
export { GroupMembersDialog } from './GroupMembersDialog';
