import { ResponseError } from '@backstage/errors';
import { describeEntraError } from './entraError';

const errorResponse = (
  status: number,
  body: object,
  headers: Record<string, string> = {},
) =>
  ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    }) as any,
  );

describe('describeEntraError', () => {
  it('reads an EntraErrorBody with the Backstage response field', async () => {
    const error = await errorResponse(503, {
      error: {
        name: 'EntraGraphError',
        message: 'Microsoft Graph is throttling requests',
        retryAfterSeconds: 30,
      },
      response: { statusCode: 503 },
    });
    expect(describeEntraError(error)).toEqual({
      title: 'Microsoft Graph is throttling requests',
      message: 'Microsoft Graph is throttling requests',
      retryAfterSeconds: 30,
    });
  });

  it('reads an EntraErrorBody that ResponseError kept only as text', async () => {
    const error = await errorResponse(
      502,
      {
        error: {
          name: 'EntraGraphError',
          message: 'The app lacks the AuditLog.Read.All permission',
        },
      },
      { 'Retry-After': '12' },
    );
    expect(describeEntraError(error)).toEqual({
      title: 'Microsoft Graph refused or failed the request',
      message: 'The app lacks the AuditLog.Read.All permission',
      retryAfterSeconds: 12,
    });
  });

  it('falls back to the plain message for other failures', async () => {
    const error = await ResponseError.fromResponse(
      new Response('Bad gateway', { status: 500 }) as any,
    );
    expect(describeEntraError(error)).toEqual({
      title: 'Could not read from Microsoft Graph',
      message: 'Request failed with status 500 , Bad gateway',
      retryAfterSeconds: undefined,
    });
    expect(describeEntraError(new Error('offline'))).toEqual({
      title: 'Could not read from Microsoft Graph',
      message: 'offline',
    });
  });
});
