import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  fakeLogsApi,
  LogsProviders,
  SUMMARY,
} from '../../__testUtils__/logsFakes';
import { pending, responseError } from '../../__testUtils__/testFakes';
import { LogSummaryCard, SUMMARY_HOURS } from './LogSummaryCard';
import { describeBucket } from './summarizeBuckets';

describe('LogSummaryCard', () => {
  const renderCard = async (api = fakeLogsApi()) => {
    await renderInTestApp(
      <LogsProviders api={api}>
        <LogSummaryCard refreshKey={0} />
      </LogsProviders>,
    );
    return api;
  };

  it('draws requests and errors per hour and says the same in words', async () => {
    const api = await renderCard();
    const chart = await screen.findByRole('img', {
      name: `17 requests and 4 errors in the last 3 hours. Busiest hour: ${describeBucket(
        SUMMARY.buckets[2],
      )}.`,
    });
    expect(api.getSummary).toHaveBeenCalledWith({ hours: SUMMARY_HOURS });
    // One hover title per hour.
    expect(
      Array.from(chart.querySelectorAll('title')).map(t => t.textContent),
    ).toEqual(SUMMARY.buckets.map(describeBucket));
    expect(screen.getByText(/^Last successful request:/)).toHaveTextContent(
      new Date(SUMMARY.lastSuccessAt!).toLocaleString(),
    );
    expect(screen.getByText('The last request succeeded.')).toBeInTheDocument();
  });

  it('highlights the current error streak', async () => {
    await renderCard(
      fakeLogsApi({
        getSummary: jest.fn(async () => ({ ...SUMMARY, errorStreak: 3 })),
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The last 3 requests failed.',
    );
    expect(
      screen.queryByText('The last request succeeded.'),
    ).not.toBeInTheDocument();
  });

  it('says when nothing was recorded yet', async () => {
    await renderCard(
      fakeLogsApi({
        getSummary: jest.fn(async () => ({
          buckets: [{ hour: SUMMARY.buckets[0].hour, requests: 0, errors: 0 }],
          errorStreak: 0,
        })),
      }),
    );
    expect(
      await screen.findByRole('img', {
        name: 'No SCIM requests in the last 1 hour.',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Last successful request:/)).toHaveTextContent(
      'never',
    );
    expect(
      screen.getByText(/No SCIM requests recorded yet/),
    ).toBeInTheDocument();
  });

  it('shows loading and error states', async () => {
    const { unmount } = await renderInTestApp(
      <LogsProviders
        api={fakeLogsApi({ getSummary: jest.fn(() => pending()) })}
      >
        <LogSummaryCard refreshKey={0} />
      </LogsProviders>,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    unmount();

    await renderCard(
      fakeLogsApi({
        getSummary: jest.fn(async () =>
          Promise.reject(await responseError(500, 'Error', 'database down')),
        ),
      }),
    );
    expect(
      await screen.findByText(/Could not load the summary: database down/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
