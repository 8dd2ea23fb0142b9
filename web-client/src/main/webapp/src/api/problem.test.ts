import { ApiError, humanMessage, toApiError } from './problem';

const validation = new ApiError(400, {
  type: 'urn:rapport:problem:validation',
  title: 'The request is not valid',
  status: 400,
  detail: 'first.start: must be before end',
  errors: [
    { field: 'first.start', message: 'must be before end' },
    { field: 'groups[sessions].channels[1]', message: 'unknown channel' },
    { field: 'rrule', message: 'needs COUNT or UNTIL' },
  ],
});

describe('ApiError', () => {
  it('finds the message for a form field by exact name, suffix or container', () => {
    expect(validation.forField('start')).toBe('must be before end');
    expect(validation.forField('groups[sessions]')).toBe('unknown channel');
    expect(validation.forField('rrule')).toBe('needs COUNT or UNTIL');
    expect(validation.forField('end')).toBeUndefined();
  });

  it('has no general message when every field error is shown next to its field', () => {
    expect(validation.generalMessage(['start', 'groups[sessions]', 'rrule'])).toBeUndefined();
    expect(validation.generalMessage(['start'])).toBe('first.start: must be before end');
  });

  it('names the problem kind without the URN prefix', () => {
    expect(new ApiError(409, { type: 'urn:rapport:problem:double-booking' }).kind).toBe('double-booking');
  });

  it('reads a problem+json body', async () => {
    const response = new Response(JSON.stringify({ type: 'urn:rapport:problem:double-booking', detail: 'Theo is booked' }), {
      status: 409, headers: { 'Content-Type': 'application/problem+json' },
    });
    const error = await toApiError(response);
    expect(error.status).toBe(409);
    expect(error.message).toBe('Theo is booked');
    expect(humanMessage(error)).toBe('Theo is booked');
  });

  it('survives a body that is not JSON and says something useful by status', async () => {
    const error = await toApiError(new Response('<html>', { status: 502, headers: { 'Content-Type': 'application/json' } }));
    expect(humanMessage(error)).toMatch(/not answering/);
    expect(humanMessage(new ApiError(500, { incidentId: 'abc' }))).toMatch(/incident abc/);
    expect(humanMessage(new ApiError(404, {}))).toMatch(/Not found/);
  });
});
