import { ResponseError } from '@backstage/errors';
import { errorMessage, isForbidden } from './errors';

const responseError = (status: number, message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );

describe('errors', () => {
  it('prefers the server message of a ResponseError', async () => {
    const error = await responseError(403, 'You need scim.settings.manage');
    expect(errorMessage(error)).toBe('You need scim.settings.manage');
    expect(isForbidden(error)).toBe(true);
  });

  it('handles other errors', async () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
    expect(isForbidden(new Error('403'))).toBe(false);
    expect(isForbidden(await responseError(500, 'x'))).toBe(false);
  });
});
