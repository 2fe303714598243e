import { LoggerService } from '@backstage/backend-plugin-api';
import { Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ScimTokenLocals } from '../service/scimAuth';
import { sentScimBody } from '../service/scimResponse';
import { classifyScimRequest } from './classifyScimRequest';
import { NewProvisioningLogEntry } from './ProvisioningLogStore';
import { ProvisioningLogConfig } from './readProvisioningLogConfig';
import { redactBody, redactText } from './redactBody';

export interface RecordProvisioningLogOptions {
  recorder: { record(entry: NewProvisioningLogEntry): void };
  config: Pick<ProvisioningLogConfig, 'keepBodies' | 'maxBodyBytes'>;
  logger: LoggerService;
  /** The clock of `time`; tests pass a fake one. */
  now?: () => Date;
}

/** Column widths of the log table. */
const clip = (text: string | undefined, max: number) =>
  text === undefined ? undefined : text.slice(0, max);

/** Larger responses are lists or big groups: their names are not needed. */
const MAX_PARSED_RESPONSE = 64 * 1024;

/** The response as an object: as `sendScim` sent it, else parsed from the text. */
function responseObject(res: Response, sentBody: unknown): unknown {
  if (typeof sentBody !== 'string' && !Buffer.isBuffer(sentBody)) {
    return sentBody;
  }
  if (sentBody.length > MAX_PARSED_RESPONSE) {
    return undefined;
  }
  const sent = sentScimBody(res);
  if (sent !== undefined) {
    return sent;
  }
  try {
    return JSON.parse(sentBody.toString());
  } catch {
    return undefined;
  }
}

/** Readable `filter=userName eq "x"` rather than its percent-encoding. */
function decodeUrl(url: string) {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The parsed request body, when the client sent one (a bodiless GET still gets `{}`). */
const sentRequestBody = (req: Request) =>
  Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding')
    ? req.body
    : undefined;

const errorFields = (res: Response, body: unknown) => {
  if (res.statusCode < 400 || !body || typeof body !== 'object') {
    return {};
  }
  const { scimType, detail } = body as Record<string, unknown>;
  return {
    scimType: typeof scimType === 'string' ? clip(scimType, 32) : undefined,
    detail: typeof detail === 'string' ? clip(detail, 2000) : undefined,
  };
};

/**
 * Express middleware, installed before the SCIM bearer check so that
 * rejected requests are logged too. It only observes: the entry is built
 * after the response has been sent and handed to the recorder, which
 * writes later. Headers are never recorded, so the bearer token never is.
 */
export function recordProvisioningLog(
  options: RecordProvisioningLogOptions,
): RequestHandler {
  const { recorder, config, logger, now = () => new Date() } = options;
  return (req, res, next) => {
    const time = now().toISOString();
    const started = performance.now();
    // Nested routers rewrite req.url; keep what the SCIM client asked for.
    const path = req.path;
    const url = clip(redactText(decodeUrl(req.url)), 2000)!;
    const filter =
      typeof req.query.filter === 'string' ? req.query.filter : undefined;
    const headerId = req.get('x-request-id') ?? req.get('client-request-id');

    let sentBody: unknown;
    const send = res.send;
    res.send = function captureBody(body) {
      sentBody = body;
      return send.call(this, body);
    };

    res.on('finish', () => {
      // A throw here would be an uncaught exception: log it and move on.
      try {
        const requestBody = sentRequestBody(req);
        const responseBody = responseObject(res, sentBody);
        const classification = classifyScimRequest({
          method: req.method,
          path,
          filter,
          requestBody,
          responseBody,
        });
        const token: ScimTokenLocals | undefined = res.locals.scimToken;
        recorder.record({
          time,
          requestId: clip(headerId, 64) ?? randomUUID(),
          method: req.method.slice(0, 10),
          path: url,
          resourceType: classification.resourceType,
          operation: classification.operation,
          resourceId: clip(classification.resourceId, 255),
          resourceName: clip(classification.resourceName, 255),
          externalId: clip(classification.externalId, 255),
          status: res.statusCode,
          ...errorFields(res, responseBody),
          durationMs: Math.round(performance.now() - started),
          tokenId: token?.id,
          tokenPrefix: token?.prefix,
          ...(config.keepBodies
            ? {
                requestBody: redactBody(requestBody, config.maxBodyBytes),
                responseBody: redactBody(
                  responseBody ?? sentBody,
                  config.maxBodyBytes,
                ),
              }
            : {}),
        });
      } catch (error) {
        logger.warn(
          'Could not record a provisioning log entry',
          error as Error,
        );
      }
    });
    next();
  };
}
