import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ScreenTab {
  value: string;
  label: string;
  content: ReactNode;
}

/** A screen title over tabs; only the open tab's panel is mounted (and fetches). */
export function TabbedScreen({ title, tabs }: { title: string; tabs: ScreenTab[] }) {
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Tabs defaultValue={tabs[0]?.value} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}
        </Tabs.List>
        {tabs.map((t) => <Tabs.Panel key={t.value} value={t.value} pt="md">{t.content}</Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}

/** A form's submit button with the confirmation announced once it has saved. */
export function SubmitRow({ label, busy, done, doneText }: { label: string; busy: boolean; done: boolean; doneText: string }) {
  return (
    <Group>
      <Button type="submit" loading={busy}>{label}</Button>
      {done && <Text role="status">{doneText}</Text>}
    </Group>
  );
}
