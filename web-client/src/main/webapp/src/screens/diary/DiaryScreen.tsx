import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { DatesSetArg, EventClickArg } from '@fullcalendar/core';
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { api } from '../../api/http';
import type { ClientListItem, Page, SessionView } from '../../api/types';
import { useSession } from '../../auth/AuthContext';
import { hasRole } from '../../auth/tokenStore';
import { ErrorNotice } from '../../components/States';
import { displayName } from '../../components/format';
import { STATUS_LOOK } from './sessionForm';
import { BookSession } from './BookSession';
import { SessionDetails } from './SessionDetails';
import './diary.css';

/** Week and month calendar of my sessions, or my team's for team leads; book, move, cancel and record attendance. */
export default function DiaryScreen() {
  const session = useSession();
  // ?date=2026-11-20 opens the diary at that week (links from elsewhere, e.g. a notification).
  const [params] = useSearchParams();
  const queries = useQueryClient();
  const teams = session.claims.teams ?? [];
  const isLead = hasRole(session, 'team-lead');
  const isCaseManager = hasRole(session, 'case-manager', 'team-lead');
  const [scope, setScope] = useState<string>(isCaseManager ? 'clients' : 'me');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [booking, setBooking] = useState(false);
  const [selected, setSelected] = useState<SessionView | null>(null);
  const calendarBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The toolbar's arrow icons are decoration (their buttons carry a label), not unlabelled images.
    const box = calendarBox.current;
    if (!box) return;
    const tidy = () => box.querySelectorAll('.fc-icon[role="img"]').forEach((icon) => {
      icon.removeAttribute('role');
      icon.setAttribute('aria-hidden', 'true');
    });
    tidy();
    const observer = new MutationObserver(tidy);
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const clients = useQuery({ queryKey: ['clients'], queryFn: () => api<Page<ClientListItem>>('/api/v1/clients?size=200') });
  const activeClients = (clients.data?.items ?? []).filter((c) => c.status === 'active');
  const sessions = useQuery({
    queryKey: ['diary', scope, range?.from, range?.to, activeClients.length],
    enabled: !!range && (scope !== 'clients' || clients.isSuccess),
    queryFn: async () => {
      const window = `from=${range!.from}&to=${range!.to}`;
      if (scope === 'me') return api<SessionView[]>(`/api/v1/sessions/diary?${window}`);
      if (scope.startsWith('team:')) return api<SessionView[]>(`/api/v1/sessions/teams/${scope.slice(5)}?${window}`);
      // My clients' sessions, whoever takes them: a case manager books for the therapist too.
      const all = await Promise.all(activeClients.map((c) => api<SessionView[]>(`/api/v1/sessions/clients/${c.id}?${window}`)));
      return all.flat();
    },
  });
  const names = useMemo(() => new Map((clients.data?.items ?? []).map((c) => [c.id, c])), [clients.data]);
  const events = (sessions.data ?? []).filter((s) => s.status !== 'rescheduled').map((s) => {
    const look = STATUS_LOOK[s.status] ?? STATUS_LOOK.scheduled!;
    const client = names.get(s.clientId);
    return {
      id: s.id,
      title: `${look.label}: ${client ? displayName(client) : 'Client'} (${s.type.replace(/-/g, ' ')})`,
      start: s.start,
      end: s.end,
      backgroundColor: look.colour,
      borderColor: look.colour,
      textColor: '#ffffff',
      extendedProps: { session: s },
      classNames: [`session-${s.status}`],
    };
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['diary'] });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Diary</Title>
        <Group>
          {isCaseManager && (
            <SegmentedControl value={scope} onChange={setScope} aria-label="Whose diary"
              data={[{ value: 'clients', label: 'My clients' }, { value: 'me', label: 'Me' },
                ...(isLead ? teams.map((t) => ({ value: `team:${t}`, label: `Team ${t.replace(/^team-/, '')}` })) : [])]} />
          )}
          <Button onClick={() => setBooking(true)}>Book a session</Button>
        </Group>
      </Group>
      {sessions.isError && <ErrorNotice error={sessions.error} title="Sessions could not be loaded" />}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {sessions.isFetching ? 'Loading sessions…' : `${events.length} sessions in view. Select one to record attendance, move or cancel it.`}
      </Text>
      <div className="diary" ref={calendarBox}>
        <FullCalendar
          plugins={[timeGridPlugin, dayGridPlugin]}
          initialView="timeGridWeek"
          initialDate={params.get('date') ?? undefined}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth' }}
          buttonText={{ today: 'Today', week: 'Week', month: 'Month' }}
          firstDay={1}
          locale="en-gb"
          slotMinTime="07:00:00"
          slotMaxTime="21:00:00"
          allDaySlot={false}
          nowIndicator
          height="auto"
          events={events}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          datesSet={(arg: DatesSetArg) => {
            setRange({ from: arg.start.toISOString(), to: arg.end.toISOString() });
          }}
          eventClick={(arg: EventClickArg) => {
            arg.jsEvent.preventDefault();
            setSelected(arg.event.extendedProps.session as SessionView);
          }}
          eventDidMount={(arg) => {
            // Events are reachable and operable by keyboard, announced with their full title.
            arg.el.setAttribute('tabindex', '0');
            arg.el.setAttribute('role', 'button');
            arg.el.setAttribute('aria-label', `${arg.event.title}, ${arg.event.start?.toLocaleString('en-GB')}`);
            arg.el.addEventListener('keydown', (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                setSelected(arg.event.extendedProps.session as SessionView);
              }
            });
          }}
        />
      </div>
      <BookSession opened={booking} onClose={() => setBooking(false)} clients={clients.data?.items ?? []} onBooked={refresh} />
      <SessionDetails session={selected} client={selected ? names.get(selected.clientId) : undefined}
        onClose={() => setSelected(null)} onChanged={refresh} />
    </Stack>
  );
}
