/** What the booking form holds, and the request bodies it becomes (see docs/api.md, session-service). */
export interface BookingForm {
  clientId: string;
  professionalIds: string[];
  type: string;
  date: string; // yyyy-MM-dd
  startTime: string; // HH:mm
  endTime: string; // HH:mm
  location: string;
  repeat: 'none' | 'weekly' | 'fortnightly';
  occurrences: number;
}

export const SESSION_TYPES = ['therapy', 'case-management-visit', 'mdt-meeting', 'review', 'other'];

export function sessionBody(form: BookingForm) {
  return {
    clientId: form.clientId,
    professionalIds: form.professionalIds,
    type: form.type,
    start: `${form.date}T${form.startTime}`,
    end: `${form.date}T${form.endTime}`,
    timeZone: 'Europe/London',
    location: form.location || undefined,
  };
}

/** An RFC 5545 rule the series endpoint expands in the session's zone. */
export function rrule(form: BookingForm): string | null {
  if (form.repeat === 'none') return null;
  const interval = form.repeat === 'fortnightly' ? ';INTERVAL=2' : '';
  return `FREQ=WEEKLY${interval};COUNT=${form.occurrences}`;
}

/** One-off bookings go to /sessions, repeating ones to /sessions/series with the first occurrence. */
export function bookingRequest(form: BookingForm): { path: string; body: unknown } {
  const rule = rrule(form);
  return rule
    ? { path: '/api/v1/sessions/series', body: { first: sessionBody(form), rrule: rule } }
    : { path: '/api/v1/sessions', body: sessionBody(form) };
}

/** Form field ← server field: `first.start` and `start` both belong next to the start time. */
export const FIELD_FOR: Record<string, string> = {
  start: 'startTime',
  end: 'endTime',
  clientId: 'clientId',
  professionalIds: 'professionalIds',
  type: 'type',
  rrule: 'repeat',
  location: 'location',
};

/** Calendar colours and words per status (never colour alone: the title says it too). */
export const STATUS_LOOK: Record<string, { colour: string; label: string }> = {
  scheduled: { colour: '#2f3f9e', label: 'Booked' },
  attended: { colour: '#1e6b30', label: 'Attended' },
  missed: { colour: '#a61e1e', label: 'Did not attend' },
  cancelled: { colour: '#495057', label: 'Cancelled' },
  rescheduled: { colour: '#5c636a', label: 'Moved' },
};
