import { DirectoryPage } from '@internal/backstage-plugin-scim-common';
import { DependencyList, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';

export const PAGE_SIZES = [10, 25, 50, 100];
const SEARCH_DEBOUNCE_MS = 300;

export interface PageQuery {
  search: string;
  offset: number;
  limit: number;
}

/**
 * One page of a server-side list: search text (debounced), page and page
 * size, and the load of that page. Changing the search, the page size or
 * `deps` goes back to the first page.
 */
export function useServerPage<T>(
  load: (query: PageQuery) => Promise<DirectoryPage<T>>,
  deps: DependencyList,
) {
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [limit, setLimit] = useState(PAGE_SIZES[1]);
  const [depsKey, setDepsKey] = useState(deps);

  // Back to the first page when the caller's filters change.
  if (deps.some((dep, i) => dep !== depsKey[i])) {
    setDepsKey(deps);
    setPage(0);
  }

  useDebounce(
    () => {
      if (searchInput.trim() !== search) {
        setSearch(searchInput.trim());
        setPage(0);
      }
    },
    SEARCH_DEBOUNCE_MS,
    [searchInput],
  );

  const result = useAsyncRetry(
    () => load({ search, offset: page * limit, limit }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [search, page, limit, ...deps],
  );

  return {
    searchInput,
    setSearchInput,
    page,
    setPage,
    limit,
    setLimit: (value: number) => {
      setLimit(value);
      setPage(0);
    },
    result,
  };
}

export type ServerPage<T> = ReturnType<typeof useServerPage<T>>;
