import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Button, CopyButton, Group, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { api } from '../../api/http';
import type { Client } from '../../api/types';
import { ErrorNotice, Loading, Empty } from '../../components/States';
import { FormError } from '../../components/FormError';
import { MeasureForm } from '../../components/MeasureForm';
import { displayName, formatDateTime, words } from '../../components/format';
import { languageName, pageText } from '../../i18n/lang';
import { useSession } from '../../auth/AuthContext';
import { useCareCircle } from '../client/ClientScreen';
import { scoreText, type ScoreMeaning } from '../../alliance/scoreMeaning';
import { clientMeasures, formFromDefinition, formLanguage, type MeasureDefinition, type MeasureSummary } from './measureForm';

interface Recorded extends ScoreMeaning {
  total: number;
  percentOfMax: number;
  inConcernRange: boolean;
  signals: { kind: string }[];
  episodeId?: string;
}

interface CreatedLink {
  url: string;
  expiresAt: string;
  language: string;
}

/** Feedback for one client: hand the tablet over in session, or send a one-time link. */
export default function FeedbackScreen() {
  const { clientId = '' } = useParams();
  const session = useSession();
  const client = useQuery({ queryKey: ['client', clientId], queryFn: () => api<Client>(`/api/v1/clients/${clientId}`) });
  const measures = useQuery({ queryKey: ['measures'], queryFn: () => api<MeasureSummary[]>('/api/v1/alliance/measures') });
  const circle = useCareCircle(clientId);
  const [measureId, setMeasureId] = useState<string | null>(null);
  const [professionalId, setProfessionalId] = useState<string>(session.claims.sub);

  if (client.isPending || measures.isPending) return <Loading what="feedback measures" />;
  if (client.isError) return <ErrorNotice error={client.error} />;
  if (measures.isError) return <ErrorNotice error={measures.error} />;
  const usable = clientMeasures(measures.data);
  if (usable.length === 0) return <Empty title="No measure can be sent yet">Your organisation has not imported wording for any client measure.</Empty>;
  const chosen = usable.find((m) => m.id === measureId) ?? usable.find((m) => m.id === 'rapport-session-alliance-check') ?? usable[0]!;
  const professionals = (circle.data ?? []).filter((m) => m.active && m.userId && (m.role === 'therapist' || m.role === 'case-manager'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/clients/${clientId}`} size="sm">← {displayName(client.data)}</Anchor>
      <Title order={1}>Feedback</Title>
      <Group align="end">
        <Select label="Measure" w={320} allowDeselect={false} value={chosen.id} onChange={setMeasureId}
          data={usable.map((m) => ({ value: m.id, label: `${m.title}${m.validated ? '' : ' (not validated)'}` }))} />
        <Select label="About the work with" w={260} allowDeselect={false} value={professionalId}
          onChange={(v) => setProfessionalId(v ?? session.claims.sub)}
          data={professionals.length ? professionals.map((m) => ({ value: m.userId!, label: `${m.displayName} (${words(m.role)})` }))
            : [{ value: session.claims.sub, label: 'Me' }]} />
      </Group>
      <Tabs defaultValue="in-session">
        <Tabs.List>
          <Tabs.Tab value="in-session">In session</Tabs.Tab>
          <Tabs.Tab value="link">Send a link</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="in-session" pt="md">
          <InSession clientId={clientId} measure={chosen} professionalId={professionalId}
            language={formLanguage(chosen, client.data.preferredLanguage)} />
        </Tabs.Panel>
        <Tabs.Panel value="link" pt="md">
          <SendLink clientId={clientId} measureId={chosen.id} professionalId={professionalId} client={client.data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function InSession({ clientId, measure, professionalId, language }: { clientId: string; measure: MeasureSummary; professionalId: string; language: string }) {
  const definition = useQuery({ queryKey: ['measure', measure.id], queryFn: () => api<MeasureDefinition>(`/api/v1/alliance/measures/${measure.id}`) });
  const [round, setRound] = useState(0);
  const record = useMutation({
    mutationFn: (answers: Record<string, number>) => api<Recorded>(`/api/v1/alliance/clients/${clientId}/responses`, {
      method: 'POST', body: { measureId: measure.id, professionalId, answers, language },
    }),
  });
  if (definition.isPending) return <Loading what="the measure" />;
  if (definition.isError) return <ErrorNotice error={definition.error} />;
  const text = pageText(language);
  if (record.isSuccess) {
    const r = record.data;
    return (
      <Stack maw={560}>
        <Alert color={r.inConcernRange ? 'orange' : 'teal'} role="status" title="Recorded">
          Total {scoreText(r.total, r)} ({Math.round(r.percentOfMax * 100)} % of maximum){r.inConcernRange ? `: ${concernWords(r)}` : '.'}
          {r.signals.length > 0 && <Text mt="xs">Rupture signals: {r.signals.map((s) => words(s.kind)).join(', ')}. The episode is on the Ruptures page.</Text>}
        </Alert>
        <Button variant="light" onClick={() => { record.reset(); setRound((n) => n + 1); }}>Start again</Button>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" maw={720} radius="md">
      <Text size="sm" c="dimmed" mb="sm">Hand the device to the client. Shown in {languageName(language)}.</Text>
      <FormError error={record.error} fields={[]} />
      <MeasureForm key={round} form={formFromDefinition(definition.data, language)} submitLabel={text.submit!}
        busyLabel={text.sending!} answerAllMessage={text.answerAll!} busy={record.isPending} onSubmit={(a) => record.mutate(a)} />
    </Paper>
  );
}

function SendLink({ clientId, measureId, professionalId, client }: { clientId: string; measureId: string; professionalId: string; client: Client }) {
  const create = useMutation({
    mutationFn: () => api<CreatedLink>(`/api/v1/alliance/clients/${clientId}/feedback-links`, {
      method: 'POST', body: { measureId, professionalId },
    }),
  });
  return (
    <Stack maw={640}>
      <Text>A one-time link the client opens on their phone, without an account, in {languageName(client.preferredLanguage)}.
        It works once and expires after a few days.</Text>
      <FormError error={create.error} fields={[]} />
      <Group><Button onClick={() => create.mutate()} loading={create.isPending}>Create link</Button></Group>
      {create.isSuccess && (
        <Paper withBorder p="md" radius="md">
          <TextInput label="Link (shown only now)" readOnly value={create.data.url} data-testid="feedback-link-url"
            rightSectionWidth={90}
            rightSection={<CopyButton value={create.data.url}>{({ copied, copy }) => <Button size="xs" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>} />
          <Text size="sm" mt="xs">Expires {formatDateTime(create.data.expiresAt)}. Language: {languageName(create.data.language)}.</Text>
        </Paper>
      )}
    </Stack>
  );
}

/** The concern side in words, the right way round for the measure. */
function concernWords(r: Recorded): string {
  return r.direction === 'higher-is-worse' ? 'at or above the clinical cut-off, a concern.' : 'below the cut-off, a concern.';
}
