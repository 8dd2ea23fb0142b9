import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { SubmitRow, TabbedScreen } from '../../components/TabbedScreen';
import { api } from '../../api/http';
import type { Inbox, Preferences } from '../../api/types';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { FormError, fieldError } from '../../components/FormError';
import { formatDateTime, words } from '../../components/format';
import { INBOX_KEY, fetchInbox, useLiveState } from '../../live/useInbox';

const GROUPS = ['client', 'care-circle', 'consent', 'goals', 'litigation', 'sessions', 'alliance'];
const LIVE_LABEL: Record<string, string> = { open: 'Live', connecting: 'Connecting…', retrying: 'Reconnecting…', stopped: 'Not live' };

export default function NotificationsScreen() {
  return (
    <TabbedScreen title="Notifications" tabs={[
      { value: 'inbox', label: 'Inbox', content: <InboxPanel /> },
      { value: 'preferences', label: 'Preferences', content: <PreferencesPanel /> },
    ]} />
  );
}

function InboxPanel() {
  const queries = useQueryClient();
  const live = useLiveState();
  const inbox = useQuery({ queryKey: INBOX_KEY, queryFn: fetchInbox });
  const act = useMutation({
    mutationFn: ({ id, what }: { id: string; what: 'read' | 'archive' }) => api(`/api/v1/notifications/inbox/${id}/${what}`, { method: 'POST' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: INBOX_KEY }),
  });
  if (inbox.isPending) return <Loading what="your notifications" />;
  if (inbox.isError) return <ErrorNotice error={inbox.error} />;
  const data: Inbox = inbox.data;
  return (
    <Stack>
      <Group>
        <Text data-testid="unread-count">{data.unread} unread of {data.total}</Text>
        <Badge color={live === 'open' ? 'teal' : 'gray'} variant="light" styles={{ label: { color: 'var(--mantine-color-black)' } }}
          data-testid="live-state">{LIVE_LABEL[live] ?? live}</Badge>
      </Group>
      <FormError error={act.error} fields={[]} />
      {data.items.length === 0 ? <Empty title="Nothing new">Updates about your clients appear here as they happen.</Empty> : (
        <Stack gap="xs" role="list" aria-label="Notifications" data-testid="inbox">
          {data.items.map((n) => (
            <Paper key={n.id} withBorder p="sm" radius="md" role="listitem" data-event-type={n.eventType}
              style={{ borderLeft: n.read ? undefined : '4px solid var(--mantine-color-indigo-8)' }}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <div>
                  <Text fw={n.read ? 400 : 700}>{n.read ? '' : 'New: '}{n.link ? <Anchor component={Link} to={n.link}>{n.title}</Anchor> : n.title}</Text>
                  <Text size="sm" c="dimmed">{formatDateTime(n.createdAt)} · {words(n.eventType.replace(/^rapport\./, '').replace(/\.v\d+$/, '').replace('.', ' '))}</Text>
                </div>
                <Group gap="xs" wrap="nowrap">
                  {!n.read && <Button size="xs" variant="light" onClick={() => act.mutate({ id: n.id, what: 'read' })}>Mark read</Button>}
                  <Button size="xs" variant="subtle" color="gray" onClick={() => act.mutate({ id: n.id, what: 'archive' })}>Archive</Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function PreferencesPanel() {
  const queries = useQueryClient();
  const prefs = useQuery({ queryKey: ['preferences'], queryFn: () => api<Preferences>('/api/v1/notifications/preferences') });
  const [form, setForm] = useState<Preferences | null>(null);
  useEffect(() => {
    if (prefs.data) setForm(prefs.data);
  }, [prefs.data]);
  const save = useMutation({
    mutationFn: (body: Preferences) => api<Preferences>('/api/v1/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (saved) => queries.setQueryData(['preferences'], saved),
  });
  if (prefs.isPending || !form) return <Loading what="your preferences" />;
  if (prefs.isError) return <ErrorNotice error={prefs.error} />;
  const setGroup = (g: string, change: Partial<Preferences['groups'][string]>) =>
    setForm({ ...form, groups: { ...form.groups, [g]: { ...form.groups[g]!, ...change } } });
  const quiet = form.quietHours ?? { start: '', end: '' };
  const submit = () => save.mutate({
    ...form,
    quietHours: quiet.start || quiet.end ? quiet : null,
    email: form.email || undefined,
    language: form.language || undefined,
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack maw={760}>
        <FormError error={save.error} fields={['email', 'language', 'quietHours', 'groups']} />
        <Group grow>
          <TextInput label="Email for notifications" type="email" value={form.email ?? ''} error={fieldError(save.error, 'email')}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
          <TextInput label="Language" value={form.language ?? ''} error={fieldError(save.error, 'language')}
            onChange={(e) => setForm({ ...form, language: e.currentTarget.value })} />
        </Group>
        <Group grow>
          <TextInput type="time" label="Quiet hours from" value={quiet.start} error={fieldError(save.error, 'quietHours.start')}
            onChange={(e) => setForm({ ...form, quietHours: { ...quiet, start: e.currentTarget.value } })} />
          <TextInput type="time" label="Quiet hours until" value={quiet.end} error={fieldError(save.error, 'quietHours.end')}
            onChange={(e) => setForm({ ...form, quietHours: { ...quiet, end: e.currentTarget.value } })} />
        </Group>
        <Text size="sm" c="dimmed">Urgent items (cancellations, missed sessions, ruptures) arrive during quiet hours too.</Text>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>About</Table.Th><Table.Th>In the app</Table.Th><Table.Th>Email</Table.Th><Table.Th>When</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {GROUPS.map((g) => {
              const group = form.groups[g] ?? { channels: ['in-app'], delivery: 'immediate' as const };
              const toggle = (channel: string, on: boolean) => setGroup(g, {
                channels: on ? [...new Set([...group.channels, channel])] : group.channels.filter((c) => c !== channel),
              });
              const error = fieldError(save.error, `groups[${g}]`);
              return (
                <Table.Tr key={g}>
                  <Table.Th scope="row">{words(g)}{error && <Text c="red" size="sm" role="alert">{error}</Text>}</Table.Th>
                  <Table.Td><Checkbox aria-label={`${words(g)} in the app`} checked={group.channels.includes('in-app')} onChange={(e) => toggle('in-app', e.currentTarget.checked)} /></Table.Td>
                  <Table.Td><Checkbox aria-label={`${words(g)} by email`} checked={group.channels.includes('email')} onChange={(e) => toggle('email', e.currentTarget.checked)} /></Table.Td>
                  <Table.Td>
                    <Select aria-label={`${words(g)}: when`} allowDeselect={false} value={group.delivery} w={170}
                      data={[{ value: 'immediate', label: 'At once' }, { value: 'daily-digest', label: 'Daily digest' }]}
                      onChange={(v) => setGroup(g, { delivery: (v ?? 'immediate') as 'immediate' | 'daily-digest' })} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <SubmitRow label="Save preferences" busy={save.isPending} done={save.isSuccess} doneText="Saved." />
      </Stack>
    </form>
  );
}
