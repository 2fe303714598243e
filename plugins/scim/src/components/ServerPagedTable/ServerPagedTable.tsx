import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  Box,
  InputAdornment,
  LinearProgress,
  TablePagination,
  TextField,
  Typography,
} from '@material-ui/core';
import SearchIcon from '@material-ui/icons/Search';
import { ReactNode, useId } from 'react';
import { PAGE_SIZES, ServerPage } from '../../hooks/useServerPage';
import { errorMessage } from '../../utils/errors';

export interface ServerPagedTableProps<T extends object> {
  title: string;
  columns: TableColumn<T>[];
  page: ServerPage<T>;
  /** Omit for a list that cannot be searched. */
  searchLabel?: string;
  /** Shown when the page is empty: says whether anything exists at all. */
  emptyMessage: string;
  /** Filters and actions next to the search box. */
  toolbar?: ReactNode;
}

/**
 * A table whose data lives on the server: search, page and page size are
 * sent with each request, so a list of 100k users never reaches the browser.
 */
export function ServerPagedTable<T extends object>(
  props: ServerPagedTableProps<T>,
) {
  const { title, columns, page, searchLabel, emptyMessage, toolbar } = props;
  const { value, loading, error } = page.result;
  const searchId = useId();

  return (
    <Box>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        mb={1}
        style={{ gap: 16 }}
      >
        {searchLabel && (
          <TextField
            id={searchId}
            label={searchLabel}
            variant="outlined"
            size="small"
            type="search"
            value={page.searchInput}
            onChange={e => page.setSearchInput(e.target.value)}
            InputProps={{
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            }}
          />
        )}
        {toolbar}
      </Box>
      {loading && <LinearProgress aria-label={`Loading ${title}`} />}
      {error ? (
        <ResponseErrorPanel
          error={error}
          title={`Could not load the ${title.toLowerCase()}: ${errorMessage(
            error,
          )}`}
        />
      ) : (
        <>
          <Table<T>
            title={title}
            options={{
              paging: false,
              search: false,
              sorting: false,
              padding: 'dense',
            }}
            columns={columns}
            data={value?.items ?? []}
            emptyContent={
              <Box p={2}>
                <Typography>{loading ? 'Loading…' : emptyMessage}</Typography>
              </Box>
            }
          />
          <TablePagination
            component="div"
            count={value?.totalCount ?? 0}
            page={page.page}
            rowsPerPage={page.limit}
            rowsPerPageOptions={PAGE_SIZES}
            onPageChange={(_event, next) => page.setPage(next)}
            onRowsPerPageChange={e => page.setLimit(Number(e.target.value))}
          />
        </>
      )}
    </Box>
  );
}
