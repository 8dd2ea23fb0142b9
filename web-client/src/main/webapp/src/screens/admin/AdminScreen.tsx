import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Accordion, Alert, Badge, Button, Code, Group, MultiSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { TabbedScreen } from '../../components/TabbedScreen';
import { api } from '../../api/http';
import type { Professional } from '../../api/types';
import { useSession } from '../../auth/AuthContext';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { FormError, fieldError } from '../../components/FormError';
import { formatDateTime, words } from '../../components/format';

interface Team { id: string; name: string }
interface Subscription { id: string; url: string; eventTypes: string[]; createdAt: string; secret?: string }
interface Delivery {
  id: string; eventType: string; status: string; attempts: number; lastStatusCode?: number; lastError?: string;
  createdAt: string; log: { at: string; statusCode?: number; error?: string; durationMs: number }[];
}

/** For organisation admins: teams and their members, webhook subscriptions with their delivery log. */
export default function AdminScreen() {
  return (
    <TabbedScreen title="Organisation" tabs={[
      { value: 'teams', label: 'Teams and members', content: <TeamsPanel /> },
      { value: 'webhooks', label: 'Webhooks', content: <WebhooksPanel /> },
    ]} />
  );
}

function TeamsPanel() {
  const org = useSession().claims.org ?? '';
  const teams = useQuery({ queryKey: ['teams', org], queryFn: () => api<Team[]>(`/api/v1/organisations/${org}/teams`) });
  const people = useQuery({ queryKey: ['professionals', org], queryFn: () => api<Professional[]>(`/api/v1/organisations/${org}/professionals`) });
  if (teams.isPending || people.isPending) return <Loading what="teams" />;
  if (teams.isError) return <ErrorNotice error={teams.error} />;
  if (people.isError) return <ErrorNotice error={people.error} />;
  if (teams.data.length === 0) return <Empty title="No teams yet" />;
  return (
    <Stack>
      {teams.data.map((t) => {
        const members = people.data.filter((p) => p.teamIds.includes(t.id));
        return (
          <Paper key={t.id} withBorder p="md" radius="md" component="section" aria-labelledby={`team-${t.id}`}>
            <Title order={2} size="h4" id={`team-${t.id}`}>{t.name} <Text span c="dimmed" size="sm">({t.id})</Text></Title>
            <Table mt="xs">
              <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Role</Table.Th><Table.Th>Email</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>{m.displayName}</Table.Td><Table.Td>{words(m.role)}{m.discipline ? ` · ${m.discipline}` : ''}</Table.Td>
                    <Table.Td>{m.email ?? '—'}</Table.Td><Table.Td>{m.active ? 'Active' : 'Left'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}

function WebhooksPanel() {
  const queries = useQueryClient();
  const subs = useQuery({ queryKey: ['webhooks'], queryFn: () => api<Subscription[]>('/api/v1/notifications/webhooks') });
  const types = useQuery({ queryKey: ['webhook-types'], queryFn: () => api<string[]>('/api/v1/notifications/webhooks/event-types') });
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => api<Subscription>('/api/v1/notifications/webhooks', { method: 'POST', body: { url, eventTypes } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  if (subs.isPending) return <Loading what="webhook subscriptions" />;
  if (subs.isError) return <ErrorNotice error={subs.error} />;
  return (
    <Stack>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <Stack maw={640}>
          <Title order={2} size="h4">New subscription</Title>
          <FormError error={create.error} fields={['url', 'eventTypes']} />
          <TextInput label="HTTPS address" placeholder="https://cms.example-firm.co.uk/rapport" value={url}
            onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError(create.error, 'url')} />
          <MultiSelect label="Events" data={types.data ?? []} value={eventTypes} onChange={setEventTypes} searchable
            error={fieldError(create.error, 'eventTypes')} />
          <Group><Button type="submit" loading={create.isPending}>Subscribe</Button></Group>
          {create.data?.secret && (
            <Alert color="yellow" title="Signing secret: shown only now" role="status">
              <Code>{create.data.secret}</Code>
            </Alert>
          )}
        </Stack>
      </form>
      <Title order={2} size="h4">Subscriptions</Title>
      {subs.data.length === 0 ? <Empty title="No webhook subscriptions">Law firms’ systems can be told of events their clients consented to share.</Empty> : (
        <Accordion variant="separated">
          {subs.data.map((s) => (
            <Accordion.Item key={s.id} value={s.id}>
              <Accordion.Control>{s.url} <Text span size="sm" c="dimmed">· {s.eventTypes.length} event types</Text></Accordion.Control>
              <Accordion.Panel><Deliveries subscription={s} /></Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

const DELIVERY_COLOUR: Record<string, string> = { succeeded: 'teal', pending: 'blue', dead: 'red', withheld: 'gray' };

function Deliveries({ subscription }: { subscription: Subscription }) {
  const queries = useQueryClient();
  const log = useQuery({ queryKey: ['deliveries', subscription.id], queryFn: () => api<Delivery[]>(`/api/v1/notifications/webhooks/${subscription.id}/deliveries`) });
  const replay = useMutation({
    mutationFn: (deliveryId: string) => api(`/api/v1/notifications/webhooks/${subscription.id}/deliveries/${deliveryId}/replay`, { method: 'POST' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['deliveries', subscription.id] }),
  });
  if (log.isPending) return <Loading what="deliveries" />;
  if (log.isError) return <ErrorNotice error={log.error} />;
  if (log.data.length === 0) return <Text c="dimmed">Nothing delivered yet.</Text>;
  return (
    <Stack>
      <FormError error={replay.error} fields={[]} />
      <Table>
        <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Event</Table.Th><Table.Th>Status</Table.Th><Table.Th>Attempts</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {log.data.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
              <Table.Td>{d.eventType}</Table.Td>
              <Table.Td><Badge color={DELIVERY_COLOUR[d.status] ?? 'gray'} variant="light" styles={{ label: { color: 'var(--mantine-color-black)' } }}>{d.status}</Badge>
                {d.lastError && <Text size="xs">{d.lastError}</Text>}</Table.Td>
              <Table.Td>{d.attempts}{d.lastStatusCode ? ` (last ${d.lastStatusCode})` : ''}</Table.Td>
              <Table.Td>{(d.status === 'dead' || d.status === 'succeeded') && (
                <Button size="xs" variant="light" loading={replay.isPending} onClick={() => replay.mutate(d.id)}>Replay</Button>
              )}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
