import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Group, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { SubmitRow } from '../../components/TabbedScreen';
import { api } from '../../api/http';
import type { ConsentView } from '../../api/types';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { FormError, fieldError } from '../../components/FormError';
import { formatDate, words } from '../../components/format';
import { useSession } from '../../auth/AuthContext';
import { hasRole } from '../../auth/tokenStore';

const CATEGORIES = ['identity', 'schedule', 'goals', 'alliance', 'notes', 'litigation'];
const ROLES = ['therapist', 'support-worker', 'solicitor', 'family'];
const FIELDS = ['category', 'recipientRole', 'decision', 'effectiveUntil', 'note'];

export function ConsentPanel({ clientId }: { clientId: string }) {
  const session = useSession();
  const consent = useQuery({ queryKey: ['consent', clientId], queryFn: () => api<ConsentView>(`/api/v1/clients/${clientId}/consent`) });
  if (consent.isPending) return <Loading what="consent" />;
  if (consent.isError) return <ErrorNotice error={consent.error} />;
  const roles = consent.data.current.filter((c) => c.recipientRole);
  return (
    <Stack gap="lg">
      <section aria-labelledby="consent-now">
        <Title order={2} size="h4" id="consent-now" mb="xs">What each role may see today</Title>
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr><Table.Th>Category</Table.Th>{ROLES.map((r) => <Table.Th key={r}>{words(r)}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CATEGORIES.map((category) => (
                <Table.Tr key={category}>
                  <Table.Th scope="row">{words(category)}</Table.Th>
                  {ROLES.map((role) => {
                    const c = roles.find((x) => x.category === category && x.recipientRole === role);
                    return (
                      <Table.Td key={role}>
                        {c ? <>{c.decision === 'granted' ? '✓ Shared' : '✗ Not shared'}<Text size="xs" c="dimmed">{words(c.basis)}</Text></> : '—'}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {hasRole(session, 'case-manager', 'team-lead') && <RecordConsent clientId={clientId} />}
      <section aria-labelledby="consent-history">
        <Title order={2} size="h4" id="consent-history" mb="xs">Decisions</Title>
        {consent.data.history.length === 0 ? <Empty title="No decisions recorded: role defaults apply" /> : (
          <Stack gap={4}>
            {consent.data.history.map((d) => (
              <Text key={d.id}>
                {formatDate(d.effectiveFrom)}: {d.decision} <strong>{d.category}</strong> for {d.recipientRole ? words(d.recipientRole) : 'a named member'}
                {d.effectiveUntil ? ` until ${formatDate(d.effectiveUntil)}` : ''}{d.note ? ` — ${d.note}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function RecordConsent({ clientId }: { clientId: string }) {
  const queries = useQueryClient();
  const [form, setForm] = useState({ category: 'schedule', recipientRole: 'solicitor', decision: 'granted', effectiveUntil: '', note: '' });
  const save = useMutation({
    mutationFn: () => api(`/api/v1/clients/${clientId}/consent`, {
      method: 'POST',
      body: { ...form, effectiveUntil: form.effectiveUntil || undefined, note: form.note || undefined },
    }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['consent', clientId] }),
  });
  return (
    <section aria-labelledby="consent-record">
      <Title order={2} size="h4" id="consent-record" mb="xs">Record a decision</Title>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack maw={560}>
          <FormError error={save.error} fields={FIELDS} />
          <Group grow>
            <Select label="Category" data={CATEGORIES.map((c) => ({ value: c, label: words(c) }))} value={form.category}
              onChange={(v) => setForm({ ...form, category: v ?? 'schedule' })} error={fieldError(save.error, 'category')} allowDeselect={false} />
            <Select label="Recipient" data={ROLES.map((r) => ({ value: r, label: words(r) }))} value={form.recipientRole}
              onChange={(v) => setForm({ ...form, recipientRole: v ?? 'solicitor' })} error={fieldError(save.error, 'recipientRole')} allowDeselect={false} />
          </Group>
          <Radio.Group label="Decision" value={form.decision} onChange={(v) => setForm({ ...form, decision: v })} error={fieldError(save.error, 'decision')}>
            <Group mt="xs"><Radio value="granted" label="Share" /><Radio value="withdrawn" label="Do not share" /></Group>
          </Radio.Group>
          <TextInput type="date" label="Until (optional)" value={form.effectiveUntil}
            onChange={(e) => setForm({ ...form, effectiveUntil: e.currentTarget.value })} error={fieldError(save.error, 'effectiveUntil')} />
          <TextInput label="Note (optional)" value={form.note} onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
            error={fieldError(save.error, 'note')} />
          <SubmitRow label="Record decision" busy={save.isPending} done={save.isSuccess} doneText="Recorded." />
        </Stack>
      </form>
    </section>
  );
}
