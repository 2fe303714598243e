import { act, renderHook, waitFor } from '@testing-library/react';
import { CursorPage, useCursorPages } from './useCursorPages';

/** A page that settles when the test says so. */
function deferred<T>() {
  let resolve!: (value: CursorPage<T>) => void;
  const promise = new Promise<CursorPage<T>>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('useCursorPages', () => {
  it('appends further pages and stops at the last one', async () => {
    const load = jest.fn(async (cursor?: string) =>
      cursor ? { items: ['c'] } : { items: ['a', 'b'], nextCursor: '2' },
    );
    const { result } = renderHook(() => useCursorPages(() => load, []));
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    expect(result.current.hasMore).toBe(true);
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b', 'c']));
    expect(result.current.hasMore).toBe(false);
    expect(load.mock.calls).toEqual([[], ['2']]);
  });

  it('drops a page that answers after the deps changed', async () => {
    const old = deferred<string>();
    const fresh = deferred<string>();
    const loaders: Record<string, () => Promise<CursorPage<string>>> = {
      old: () => old.promise,
      fresh: () => fresh.promise,
    };
    const { result, rerender } = renderHook(
      ({ filter }) => useCursorPages(() => loaders[filter], [filter]),
      { initialProps: { filter: 'old' } },
    );
    rerender({ filter: 'fresh' });
    await act(async () => fresh.resolve({ items: ['fresh'] }));
    await act(async () => old.resolve({ items: ['stale'], nextCursor: 'x' }));
    expect(result.current.items).toEqual(['fresh']);
    expect(result.current.hasMore).toBe(false);
    expect(result.current.loading).toBe(false);
  });
});
