import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { api } from '../../api/http';
import { ApiError } from '../../api/problem';
import type { ClientListItem } from '../../api/types';
import { FormError, fieldError } from '../../components/FormError';
import { displayName, words } from '../../components/format';
import { useSession } from '../../auth/AuthContext';
import { useCareCircle } from '../client/ClientScreen';
import { FIELD_FOR, SESSION_TYPES, bookingRequest, type BookingForm } from './sessionForm';

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** Book a one-off session or a weekly/fortnightly series; a clash (409) says who is already booked and when. */
export function BookSession({ opened, onClose, clients, onBooked }: {
  opened: boolean; onClose: () => void; clients: ClientListItem[]; onBooked: () => void;
}) {
  const session = useSession();
  const [form, setForm] = useState<BookingForm>({
    clientId: '', professionalIds: [session.claims.sub], type: 'therapy', date: tomorrow(), startTime: '10:00',
    endTime: '11:00', location: '', repeat: 'none', occurrences: 6,
  });
  const circle = useCareCircle(form.clientId);
  const professionals = (circle.data ?? []).filter((m) => m.active && m.userId && m.role !== 'family' && m.role !== 'solicitor');
  useEffect(() => {
    // Default to the client's therapist (or me) once the circle is known.
    if (!circle.data) return;
    const therapist = circle.data.find((m) => m.active && m.role === 'therapist' && m.userId);
    setForm((f) => ({ ...f, professionalIds: [therapist?.userId ?? session.claims.sub] }));
  }, [circle.data, session.claims.sub]);

  const book = useMutation({
    mutationFn: () => {
      const request = bookingRequest(form);
      return api(request.path, { method: 'POST', body: request.body });
    },
    onSuccess: () => {
      onBooked();
      onClose();
      book.reset();
    },
  });
  const err = (field: keyof BookingForm) => {
    const server = Object.entries(FIELD_FOR).find(([, f]) => f === field)?.[0] ?? field;
    return fieldError(book.error, server);
  };
  const clash = book.error instanceof ApiError && book.error.kind === 'double-booking';

  return (
    <Modal opened={opened} onClose={onClose} title="Book a session" size="lg">
      <form onSubmit={(e) => { e.preventDefault(); book.mutate(); }}>
        <Stack>
          <FormError error={book.error} fields={Object.keys(FIELD_FOR)} />
          {clash && <div data-testid="double-booking">Choose another time, or another professional.</div>}
          <Select label="Client" searchable required allowDeselect={false} value={form.clientId || null} error={err('clientId')}
            data={clients.filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: `${displayName(c)} (${c.reference})` }))}
            onChange={(v) => setForm({ ...form, clientId: v ?? '' })} />
          <MultiSelect label="Professionals" value={form.professionalIds} error={err('professionalIds')}
            data={professionals.length ? professionals.map((m) => ({ value: m.userId!, label: `${m.displayName} (${words(m.role)})` }))
              : [{ value: session.claims.sub, label: session.claims.name ?? 'Me' }]}
            onChange={(v) => setForm({ ...form, professionalIds: v })} />
          <Select label="Type" allowDeselect={false} value={form.type} error={err('type')}
            data={SESSION_TYPES.map((t) => ({ value: t, label: words(t) }))} onChange={(v) => setForm({ ...form, type: v ?? 'therapy' })} />
          <Group grow>
            <TextInput type="date" label="Date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.currentTarget.value })} />
            <TextInput type="time" label="Start" required value={form.startTime} error={err('startTime')}
              onChange={(e) => setForm({ ...form, startTime: e.currentTarget.value })} />
            <TextInput type="time" label="End" required value={form.endTime} error={err('endTime')}
              onChange={(e) => setForm({ ...form, endTime: e.currentTarget.value })} />
          </Group>
          <TextInput label="Location (optional)" value={form.location} error={err('location')}
            onChange={(e) => setForm({ ...form, location: e.currentTarget.value })} />
          <Group grow align="start">
            <Select label="Repeat" allowDeselect={false} value={form.repeat} error={err('repeat')}
              data={[{ value: 'none', label: 'Does not repeat' }, { value: 'weekly', label: 'Every week' }, { value: 'fortnightly', label: 'Every two weeks' }]}
              onChange={(v) => setForm({ ...form, repeat: (v ?? 'none') as BookingForm['repeat'] })} />
            {form.repeat !== 'none' && (
              <NumberInput label="Number of sessions" min={2} max={200} value={form.occurrences}
                onChange={(v) => setForm({ ...form, occurrences: Number(v) || 2 })} />
            )}
          </Group>
          <Group justify="end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={book.isPending}>Book</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
