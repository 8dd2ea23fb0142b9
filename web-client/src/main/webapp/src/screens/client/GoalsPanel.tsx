import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Group, NumberInput, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { api } from '../../api/http';
import type { Goal } from '../../api/types';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { FormError, fieldError } from '../../components/FormError';
import { formatDate } from '../../components/format';
import { useSession } from '../../auth/AuthContext';
import { hasRole } from '../../auth/tokenStore';

export function GoalsPanel({ clientId }: { clientId: string }) {
  const session = useSession();
  const goals = useQuery({ queryKey: ['goals', clientId], queryFn: () => api<Goal[]>(`/api/v1/clients/${clientId}/goals`) });
  if (goals.isPending) return <Loading what="goals" />;
  if (goals.isError) return <ErrorNotice error={goals.error} />;
  if (goals.data.length === 0) return <Empty title="No goals agreed yet">Goals are set with the client, in their own words.</Empty>;
  const canUpdate = hasRole(session, 'case-manager', 'team-lead', 'therapist');
  return (
    <Stack>
      {goals.data.map((g) => (
        <Paper key={g.id} withBorder p="md" radius="md">
          <Group justify="space-between" align="start">
            <Text fw={600} maw={640}>“{g.statement}”</Text>
            <Badge variant="outline" styles={{ label: { color: 'var(--mantine-color-black)' } }}>{g.status}</Badge>
          </Group>
          <Group gap="xs" mt="sm" align="center">
            <Progress value={g.progressPercent ?? 0} w={240} aria-label={`Progress ${g.progressPercent ?? 0} percent`} />
            <Text size="sm">{g.progressPercent ?? 0} %</Text>
            {g.targetDate && <Text size="sm" c="dimmed">target {formatDate(g.targetDate)}</Text>}
          </Group>
          {g.tasks && g.tasks.length > 0 && <Text size="sm" mt="xs">Tasks: {g.tasks.join(' · ')}</Text>}
          {canUpdate && (g.status === 'active' || g.status === 'on-hold') && <AddProgress clientId={clientId} goal={g} />}
        </Paper>
      ))}
    </Stack>
  );
}

function AddProgress({ clientId, goal }: { clientId: string; goal: Goal }) {
  const queries = useQueryClient();
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState<number | string>(goal.progressPercent ?? 0);
  const save = useMutation({
    mutationFn: () => api(`/api/v1/clients/${clientId}/goals/${goal.id}/progress`, {
      method: 'POST', body: { note, progressPercent: percent === '' ? undefined : Number(percent) },
    }),
    onSuccess: () => {
      setNote('');
      return queries.invalidateQueries({ queryKey: ['goals', clientId] });
    },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack gap="xs" mt="md" maw={560}>
        <FormError error={save.error} fields={['note', 'progressPercent']} />
        <Textarea label="Progress note" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2}
          error={fieldError(save.error, 'note')} />
        <Group align="end">
          <NumberInput label="Progress (%)" min={0} max={100} value={percent} onChange={setPercent} w={140}
            error={fieldError(save.error, 'progressPercent')} />
          <Button type="submit" variant="light" loading={save.isPending}>Add progress</Button>
        </Group>
      </Stack>
    </form>
  );
}
