import { Table, Text } from '@mantine/core';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { formatDate, words } from '../../components/format';
import { useCareCircle } from './ClientScreen';

export function CareCirclePanel({ clientId }: { clientId: string }) {
  const circle = useCareCircle(clientId);
  if (circle.isPending) return <Loading what="the care circle" />;
  if (circle.isError) return <ErrorNotice error={circle.error} />;
  if (circle.data.length === 0) return <Empty title="Nobody in the care circle yet" />;
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Role</Table.Th><Table.Th>Contact</Table.Th><Table.Th>Since</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {circle.data.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{m.displayName}{m.relationship && <Text size="sm" c="dimmed">{m.relationship}</Text>}</Table.Td>
            <Table.Td>{words(m.role)}{m.discipline && <Text size="sm" c="dimmed">{m.discipline}</Text>}</Table.Td>
            <Table.Td>{[m.phone, m.email].filter(Boolean).join(' · ') || '—'}</Table.Td>
            <Table.Td>{formatDate(m.joinedOn)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
