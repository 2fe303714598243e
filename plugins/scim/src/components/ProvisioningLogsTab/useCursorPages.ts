import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor?: string;
}

export interface CursorPages<T> {
  /** Every item loaded so far, pages appended in order. */
  items: T[];
  /** The first page is loading. */
  loading: boolean;
  /** The first page failed. */
  error?: Error;
  hasMore: boolean;
  loadingMore: boolean;
  /** A further page failed; the items loaded so far stay. */
  loadMoreError?: Error;
  loadMore(): void;
}

interface State<T> {
  items: T[];
  nextCursor?: string;
  loading: boolean;
  error?: Error;
  loadingMore: boolean;
  loadMoreError?: Error;
}

const INITIAL = { items: [], loading: true, loadingMore: false };

/** Loads one page: the first without a cursor, the next with the previous `nextCursor`. */
export type PageLoader<T> = (cursor?: string) => Promise<CursorPage<T>>;

/**
 * "Load more" paging over a cursor API. When `deps` change it calls
 * `startPaging` for a new loader and starts again from the first page; the
 * loader stays the same for the following pages, so a query computed at the
 * start (such as "the last hour") does not shift under them. Answers to an
 * earlier start are dropped, so a slow page for old filters never lands in
 * the list for new ones.
 */
export function useCursorPages<T>(
  startPaging: () => PageLoader<T>,
  deps: DependencyList,
): CursorPages<T> {
  const [state, setState] = useState<State<T>>(INITIAL);
  const generation = useRef(0);
  const startRef = useRef(startPaging);
  startRef.current = startPaging;
  const loader = useRef<PageLoader<T>>();

  useEffect(() => {
    const current = ++generation.current;
    const load = startRef.current();
    loader.current = load;
    setState(INITIAL);
    load().then(
      page => {
        if (current === generation.current) {
          setState({
            items: page.items,
            nextCursor: page.nextCursor,
            loading: false,
            loadingMore: false,
          });
        }
      },
      error => {
        if (current === generation.current) {
          setState({ items: [], loading: false, loadingMore: false, error });
        }
      },
    );
    // The caller's deps decide when to start again, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const { nextCursor, loading, loadingMore } = state;
  const loadMore = useCallback(() => {
    if (!nextCursor || loading || loadingMore || !loader.current) {
      return;
    }
    const current = generation.current;
    setState(s => ({ ...s, loadingMore: true, loadMoreError: undefined }));
    loader.current(nextCursor).then(
      page => {
        if (current === generation.current) {
          setState(s => ({
            ...s,
            items: [...s.items, ...page.items],
            nextCursor: page.nextCursor,
            loadingMore: false,
          }));
        }
      },
      error => {
        if (current === generation.current) {
          setState(s => ({ ...s, loadingMore: false, loadMoreError: error }));
        }
      },
    );
  }, [nextCursor, loading, loadingMore]);

  return {
    items: state.items,
    loading: state.loading,
    error: state.error,
    hasMore: Boolean(state.nextCursor),
    loadingMore: state.loadingMore,
    loadMoreError: state.loadMoreError,
    loadMore,
  };
}
