import { bookingRequest, rrule, type BookingForm } from './sessionForm';

const form: BookingForm = {
  clientId: 'c1', professionalIds: ['p1'], type: 'therapy', date: '2026-03-26', startTime: '10:00', endTime: '11:00',
  location: '', repeat: 'none', occurrences: 6,
};

describe('booking requests', () => {
  it('books a one-off session in wall-clock time in Europe/London', () => {
    const request = bookingRequest(form);
    expect(request.path).toBe('/api/v1/sessions');
    expect(request.body).toMatchObject({ start: '2026-03-26T10:00', end: '2026-03-26T11:00', timeZone: 'Europe/London' });
    expect((request.body as { location?: string }).location).toBeUndefined();
  });

  it('books a weekly or fortnightly series with a count', () => {
    expect(rrule({ ...form, repeat: 'weekly' })).toBe('FREQ=WEEKLY;COUNT=6');
    expect(rrule({ ...form, repeat: 'fortnightly', occurrences: 3 })).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=3');
    const request = bookingRequest({ ...form, repeat: 'weekly' });
    expect(request.path).toBe('/api/v1/sessions/series');
    expect(request.body).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=6', first: { start: '2026-03-26T10:00' } });
  });
});
