import { mockServices } from '@backstage/backend-test-utils';
import { ProvisioningLogRecorder } from './ProvisioningLogRecorder';
import { NewProvisioningLogEntry } from './ProvisioningLogStore';

const entry = (n: number): NewProvisioningLogEntry => ({
  time: new Date(Date.UTC(2026, 10, 29, 0, 0, n)).toISOString(),
  requestId: `r${n}`,
  method: 'GET',
  path: '/Users',
  resourceType: 'User',
  operation: 'list',
  status: 200,
  durationMs: 1,
});

/** A store that keeps batches in memory and can be told to fail. */
function memoryStore() {
  const batches: string[][] = [];
  let failing = false;
  return {
    batches,
    fail: (value: boolean) => {
      failing = value;
    },
    insert: async (entries: NewProvisioningLogEntry[]) => {
      if (failing) {
        throw new Error('database is down');
      }
      batches.push(entries.map(e => e.requestId));
    },
  };
}

describe('ProvisioningLogRecorder', () => {
  it('writes nothing while recording and everything, in batches and in order, on flush', async () => {
    const store = memoryStore();
    const recorder = new ProvisioningLogRecorder({
      store,
      logger: mockServices.logger.mock(),
      batchSize: 3,
      flushIntervalMs: 60_000,
    });
    recorder.record(entry(1));
    recorder.record(entry(2));
    expect(store.batches).toEqual([]);
    recorder.record(entry(3)); // a full batch starts a flush
    recorder.record(entry(4));
    await recorder.flush();
    expect(store.batches.flat()).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(store.batches.every(b => b.length <= 3)).toBe(true);
  });

  it('flushes on its own after the interval', async () => {
    jest.useFakeTimers();
    try {
      const store = memoryStore();
      const recorder = new ProvisioningLogRecorder({
        store,
        logger: mockServices.logger.mock(),
        flushIntervalMs: 1000,
      });
      recorder.record(entry(1));
      await jest.advanceTimersByTimeAsync(999);
      expect(store.batches).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(store.batches).toEqual([['r1']]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops the oldest entries when the buffer is full, and says so', async () => {
    const store = memoryStore();
    const logger = mockServices.logger.mock();
    const recorder = new ProvisioningLogRecorder({
      store,
      logger,
      batchSize: 100,
      maxBuffered: 3,
      flushIntervalMs: 60_000,
    });
    [1, 2, 3, 4, 5].forEach(n => recorder.record(entry(n)));
    await recorder.flush();
    expect(store.batches).toEqual([['r3', 'r4', 'r5']]);
    expect(logger.warn).toHaveBeenCalledWith(
      '2 provisioning log entries were lost: the buffer was full',
    );
  });

  it('loses a failed batch with a warning and carries on', async () => {
    const store = memoryStore();
    const logger = mockServices.logger.mock();
    const recorder = new ProvisioningLogRecorder({
      store,
      logger,
      flushIntervalMs: 60_000,
    });
    store.fail(true);
    recorder.record(entry(1));
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      '1 provisioning log entries were lost: Error: database is down',
    );
    store.fail(false);
    recorder.record(entry(2));
    await recorder.flush();
    expect(store.batches).toEqual([['r2']]);
  });
});
