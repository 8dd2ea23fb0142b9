import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { humanMessage } from '../api/problem';

/** A loading state that says what is loading, for screen readers too. */
export function Loading({ what }: { what: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">Loading {what}…</Text>
      </Stack>
    </Center>
  );
}

/** Nothing to show yet, with what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={480} ta="center">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children && <Text c="dimmed">{children}</Text>}
      </Stack>
    </Center>
  );
}

export function ErrorNotice({ error, title = 'Could not load this' }: { error: unknown; title?: string }) {
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {humanMessage(error)}
    </Alert>
  );
}
