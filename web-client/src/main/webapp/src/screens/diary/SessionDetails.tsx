import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Divider, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { api } from '../../api/http';
import type { ClientListItem, SessionView } from '../../api/types';
import { FormError, fieldError } from '../../components/FormError';
import { displayName, formatDateTime, words } from '../../components/format';
import { STATUS_LOOK } from './sessionForm';

const REASONS = ['unwell', 'transport', 'work', 'childcare', 'bereavement', 'weather', 'other'];

/** One session: what it is, and what can be recorded about it now. */
export function SessionDetails({ session, client, onClose, onChanged }: {
  session: SessionView | null; client?: ClientListItem; onClose: () => void; onChanged: () => void;
}) {
  return (
    <Modal opened={!!session} onClose={onClose} title="Session" size="lg">
      {session && <Details key={session.id} session={session} client={client} onDone={() => { onChanged(); onClose(); }} />}
    </Modal>
  );
}

function Details({ session: s, client, onDone }: { session: SessionView; client?: ClientListItem; onDone: () => void }) {
  const [minutesLate, setMinutesLate] = useState<number | string>(0);
  const [cancelBy, setCancelBy] = useState('client');
  const [reason, setReason] = useState('unwell');
  const [move, setMove] = useState({ date: s.localStart.slice(0, 10), start: s.localStart.slice(11, 16), end: s.localEnd.slice(11, 16) });
  const action = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api(`/api/v1/sessions/${s.id}/${path}`, { method: 'POST', body: body ?? {} }),
    onSuccess: onDone,
  });
  const started = new Date(s.start) <= new Date();
  const open = s.status === 'scheduled';
  return (
    <Stack>
      <Text fw={700}>{client ? displayName(client) : 'Client'} · {words(s.type)}</Text>
      <Text>{formatDateTime(s.start, s.timeZone)} – {formatDateTime(s.end, s.timeZone)}</Text>
      <Text>Status: <strong data-testid="session-status">{STATUS_LOOK[s.status]?.label ?? s.status}</strong>
        {s.minutesLate ? `, ${s.minutesLate} minutes late` : ''}
        {s.cancelledBy ? `, by ${s.cancelledBy}${s.reasonCode ? ` (${words(s.reasonCode)})` : ''}` : ''}</Text>
      {s.location && <Text>Where: {s.location}</Text>}
      {s.seriesId && <Text size="sm" c="dimmed">Part of a series: changes here affect this occurrence only.</Text>}
      <FormError error={action.error} fields={['minutesLate', 'by', 'reason', 'start', 'end']} />
      {open && (
        <>
          <Divider label="Attendance" labelPosition="left" />
          {!started && <Text size="sm" c="dimmed">Attendance can be recorded once the session has started.</Text>}
          <Group align="end">
            <NumberInput label="Minutes late" min={0} max={600} w={140} value={minutesLate} onChange={setMinutesLate}
              error={fieldError(action.error, 'minutesLate')} disabled={!started} />
            <Button disabled={!started} loading={action.isPending}
              onClick={() => action.mutate({ path: 'attendance', body: { minutesLate: Number(minutesLate) || 0 } })}>Attended</Button>
            <Button color="red" variant="light" disabled={!started} loading={action.isPending}
              onClick={() => action.mutate({ path: 'missed' })}>Did not attend</Button>
          </Group>
          <Divider label="Cancel this occurrence" labelPosition="left" />
          <Group align="end">
            <Select label="Cancelled by" w={160} allowDeselect={false} value={cancelBy} onChange={(v) => setCancelBy(v ?? 'client')}
              data={[{ value: 'client', label: 'Client' }, { value: 'professional', label: 'Professional' }]} error={fieldError(action.error, 'by')} />
            <Select label="Reason" w={160} allowDeselect={false} value={reason} onChange={(v) => setReason(v ?? 'other')}
              data={REASONS.map((r) => ({ value: r, label: words(r) }))} error={fieldError(action.error, 'reason')} />
            <Button variant="light" color="gray" loading={action.isPending}
              onClick={() => action.mutate({ path: 'cancellation', body: { by: cancelBy, reason } })}>Cancel session</Button>
          </Group>
          <Divider label="Move this occurrence" labelPosition="left" />
          <Group align="end">
            <TextInput type="date" label="New date" value={move.date} onChange={(e) => setMove({ ...move, date: e.currentTarget.value })} />
            <TextInput type="time" label="Start" value={move.start} error={fieldError(action.error, 'start')}
              onChange={(e) => setMove({ ...move, start: e.currentTarget.value })} />
            <TextInput type="time" label="End" value={move.end} error={fieldError(action.error, 'end')}
              onChange={(e) => setMove({ ...move, end: e.currentTarget.value })} />
            <Button variant="light" loading={action.isPending}
              onClick={() => action.mutate({ path: 'reschedule', body: { start: `${move.date}T${move.start}`, end: `${move.date}T${move.end}`, timeZone: s.timeZone } })}>Move</Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
