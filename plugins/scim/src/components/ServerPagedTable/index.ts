export { ServerPagedTable } from './ServerPagedTable';
export type { ServerPagedTableProps } from './ServerPagedTable';
