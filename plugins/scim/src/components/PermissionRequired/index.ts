export { PermissionRequired } from './PermissionRequired';
export type { PermissionRequiredProps } from './PermissionRequired';
