import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Anchor, Badge, Button, Code, Group, Paper, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { api } from '../../api/http';
import type { CareCircleMember, ClientListItem, Episode, Page } from '../../api/types';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { FormError, fieldError } from '../../components/FormError';
import { displayName, formatDateTime, words } from '../../components/format';
import { namesFrom } from '../client/ClientScreen';
import { STRATEGIES, isOpen, episodeStage } from './episodes';

/** Open rupture episodes across my caseload, with their evidence; acknowledge, record a repair, see how they ended. */
export default function RupturesScreen() {
  const [showEnded, setShowEnded] = useState(false);
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => api<Page<ClientListItem>>('/api/v1/clients?size=200') });
  const active = (clients.data?.items ?? []).filter((c) => c.status === 'active').slice(0, 100);
  const episodes = useQueries({
    queries: active.map((c) => ({
      queryKey: ['episodes', c.id],
      queryFn: () => api<Episode[]>(`/api/v1/alliance/clients/${c.id}/episodes`).catch(() => [] as Episode[]),
    })),
    combine: (results) => ({ all: results.flatMap((r) => r.data ?? []), pending: results.some((r) => r.isPending) }),
  });
  if (clients.isPending || episodes.pending) return <Loading what="rupture episodes" />;
  if (clients.isError) return <ErrorNotice error={clients.error} />;
  const byClient = new Map(active.map((c) => [c.id, c]));
  const shown = episodes.all.filter((e) => showEnded || isOpen(e)).sort((a, b) => (a.detectedAt < b.detectedAt ? 1 : -1));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Ruptures</Title>
        <Switch label="Include resolved and closed" checked={showEnded} onChange={(e) => setShowEnded(e.currentTarget.checked)} />
      </Group>
      {shown.length === 0 ? (
        <Empty title={showEnded ? 'No rupture episodes' : 'No open rupture episodes'}>
          Low or falling ratings, missed sessions and late cancellations open an episode here.
        </Empty>
      ) : shown.map((e) => <EpisodeCard key={e.id} episode={e} client={byClient.get(e.clientId)} />)}
    </Stack>
  );
}

function EpisodeCard({ episode: e, client }: { episode: Episode; client?: ClientListItem }) {
  const queries = useQueryClient();
  const circle = useQuery({ queryKey: ['care-circle', e.clientId], queryFn: () => api<CareCircleMember[]>(`/api/v1/clients/${e.clientId}/care-circle`) });
  const name = namesFrom(circle.data);
  const [strategy, setStrategy] = useState<string>('explore-together');
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api<Episode>(`/api/v1/alliance/clients/${e.clientId}/episodes/${e.id}/${path}`, { method: 'POST', body: body ?? {} }),
    onSuccess: () => {
      setNote('');
      return queries.invalidateQueries({ queryKey: ['episodes', e.clientId] });
    },
  });
  const stage = episodeStage(e);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`ep-${e.id}`} data-testid="episode" data-client={e.clientId}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2} size="h4" id={`ep-${e.id}`}>
            {client ? <Anchor component={Link} to={`/clients/${e.clientId}`}>{displayName(client)}</Anchor> : 'Client'} with {name(e.professionalId)}
          </Title>
          <Text size="sm" c="dimmed">Detected {formatDateTime(e.detectedAt)}</Text>
        </div>
        <Badge size="lg" color={stage.colour} variant="light" styles={{ label: { color: 'var(--mantine-color-black)' } }} data-testid="episode-state">{stage.label}</Badge>
      </Group>
      <Stack gap={4} mt="sm">
        <Text fw={600}>Evidence</Text>
        {e.signals.map((s, i) => (
          <Text key={i} size="sm">
            {words(s.kind)} · {formatDateTime(s.detectedAt)}{' '}
            {Object.entries(s.evidence ?? {}).filter(([, v]) => typeof v !== 'object').slice(0, 6).map(([k, v]) => (
              <Code key={k} mr={4}>{k}: {String(v)}</Code>
            ))}
          </Text>
        ))}
      </Stack>
      {e.repairs.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text fw={600}>Repairs</Text>
          {e.repairs.map((r) => <Text key={r.id} size="sm">{formatDateTime(r.recordedAt)}: {words(r.strategy)}{r.note ? ` — ${r.note}` : ''}</Text>)}
        </Stack>
      )}
      {e.endedAt && <Text mt="sm">Ended {formatDateTime(e.endedAt)}{e.endReason ? `: ${words(e.endReason)}` : ''}.</Text>}
      {isOpen(e) && (
        <Stack mt="md" gap="xs" maw={640}>
          <FormError error={act.error} fields={['strategy', 'note']} />
          {e.state === 'detected' && (
            <Group><Button variant="light" loading={act.isPending} onClick={() => act.mutate({ path: 'acknowledge' })}>Acknowledge</Button></Group>
          )}
          <form onSubmit={(ev) => { ev.preventDefault(); act.mutate({ path: 'repairs', body: { strategy, note: note || undefined } }); }}>
            <Stack gap="xs">
              <Select label="Repair strategy" allowDeselect={false} value={strategy} onChange={(v) => setStrategy(v ?? 'other')}
                data={STRATEGIES.map((s) => ({ value: s, label: words(s) }))} error={fieldError(act.error, 'strategy')} />
              <Textarea label="What was tried (stays in the alliance record)" value={note} onChange={(ev) => setNote(ev.currentTarget.value)}
                autosize minRows={2} error={fieldError(act.error, 'note')} />
              <Group>
                <Button type="submit" loading={act.isPending}>Record repair</Button>
                <Button variant="subtle" color="gray" loading={act.isPending} onClick={() => act.mutate({ path: 'close' })}>Close unresolved</Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
    </Paper>
  );
}
