import { Progress, Table, TableColumn } from '@backstage/core-components';
import { Box, Button, Typography } from '@material-ui/core';
import { ReactNode } from 'react';
import { CursorPages } from './useCursorPages';

export interface PagedLogTableProps<T extends object> {
  title: string;
  columns: TableColumn<T>[];
  pages: CursorPages<T>;
  /** Shown when the first page is empty. */
  emptyMessage: ReactNode;
  /** How a failed page is shown: the first one instead of the table, a later one under it. */
  renderError(error: Error): ReactNode;
}

/** A log table with its loading, error and empty states, and "Load more" paging. */
export function PagedLogTable<T extends object>(props: PagedLogTableProps<T>) {
  const { title, columns, pages, emptyMessage, renderError } = props;

  if (pages.loading) {
    return <Progress />;
  }
  if (pages.error) {
    return <>{renderError(pages.error)}</>;
  }
  if (!pages.items.length) {
    return <Typography>{emptyMessage}</Typography>;
  }
  return (
    <>
      <Table<T>
        title={title}
        options={{
          paging: false,
          search: false,
          sorting: false,
          draggable: false,
          padding: 'dense',
        }}
        columns={columns}
        data={pages.items}
      />
      {pages.loadMoreError && (
        <Box mt={2}>{renderError(pages.loadMoreError)}</Box>
      )}
      {pages.hasMore && (
        <Box mt={2} display="flex" justifyContent="center">
          <Button
            variant="outlined"
            onClick={pages.loadMore}
            disabled={pages.loadingMore}
          >
            {pages.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </Box>
      )}
    </>
  );
}
