import { LoggerService } from '@backstage/backend-plugin-api';
import { NewProvisioningLogEntry } from './ProvisioningLogStore';

export interface ProvisioningLogRecorderOptions {
  store: { insert(entries: NewProvisioningLogEntry[]): Promise<void> };
  logger: LoggerService;
  /** A flush starts once this many entries wait. */
  batchSize?: number;
  /** ...or this long after the first waiting entry. */
  flushIntervalMs?: number;
  /** Entries kept while the database is slow or down; the oldest go first. */
  maxBuffered?: number;
}

/**
 * Collects log entries in memory and writes them in batches, off the
 * request path. A crash loses what is buffered, and a failed write loses
 * its batch: the log is a diagnostic, never a reason to fail or slow SCIM.
 */
export class ProvisioningLogRecorder {
  private readonly store: ProvisioningLogRecorderOptions['store'];
  private readonly logger: LoggerService;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  private buffer: NewProvisioningLogEntry[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | undefined;
  /** A flush is queued that will take whatever is buffered when it starts. */
  private flushQueued = false;
  /** Flushes run one after the other, so batches land in record order. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(options: ProvisioningLogRecorderOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.batchSize = options.batchSize ?? 200;
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.maxBuffered = options.maxBuffered ?? 10_000;
  }

  /** Queues one entry; never throws, never waits. */
  record(entry: NewProvisioningLogEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length > this.maxBuffered) {
      this.dropped += this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, this.buffer.length - this.maxBuffered);
    }
    if (this.flushQueued) {
      return;
    }
    if (this.buffer.length >= this.batchSize) {
      this.queueFlush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.queueFlush(), this.flushIntervalMs);
      // A pending log write must not keep the process alive.
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far; resolves when it is written or given up. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  private queueFlush() {
    this.flushQueued = true;
    this.flush().catch(() => {});
  }

  private async writeBuffered(): Promise<void> {
    this.flushQueued = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    let lost = this.dropped;
    let lastError: unknown;
    this.dropped = 0;
    // Entries recorded while a batch is written join this flush.
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.store.insert(batch);
      } catch (error) {
        lost += batch.length;
        lastError = error;
      }
    }
    if (lost > 0) {
      this.logger.warn(
        `${lost} provisioning log entries were lost: ${
          lastError ? String(lastError) : 'the buffer was full'
        }`,
      );
    }
  }
}
