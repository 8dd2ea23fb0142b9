import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { FeedbackForm } from '../api/types';
import { directionOf } from '../i18n/lang';

interface Props {
  form: Pick<FeedbackForm, 'min' | 'max' | 'anchors' | 'items' | 'language'>;
  submitLabel: string;
  busyLabel: string;
  answerAllMessage: string;
  busy: boolean;
  onSubmit: (answers: Record<string, number>) => void;
}

/**
 * A measure to fill in with a finger: each item is a radio group of large buttons (at least 48 px), the
 * scale's anchors under its ends, in the measure's language and reading direction. Arrow keys move
 * within an item, as in any radio group.
 */
export function MeasureForm({ form, submitLabel, busyLabel, answerAllMessage, busy, onSubmit }: Props) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState(false);
  const values = Array.from({ length: form.max - form.min + 1 }, (_, i) => form.min + i);
  const low = form.anchors.find((a) => a.value === form.min)?.label;
  const high = form.anchors.find((a) => a.value === form.max)?.label;
  const dir = directionOf(form.language);

  const submit = () => {
    if (form.items.some((i) => answers[i.linkId] === undefined)) {
      setMissing(true);
      return;
    }
    onSubmit(answers);
  };

  return (
    <form dir={dir} lang={form.language} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="lg">
        {form.items.map((item, index) => (
          <Paper key={item.linkId} withBorder p="md" radius="md" component="fieldset" className="measure-item"
            aria-invalid={missing && answers[item.linkId] === undefined ? true : undefined}>
            <Text component="legend" size="lg" fw={600} mb="sm">{index + 1}. {item.text}</Text>
            <div role="radiogroup" aria-label={item.text} className="scale" data-item={item.linkId}>
              {values.map((v) => {
                const selected = answers[item.linkId] === v;
                return (
                  <UnstyledButton key={v} role="radio" aria-checked={selected} className="scale-option" data-value={v}
                    tabIndex={selected || (answers[item.linkId] === undefined && v === form.min) ? 0 : -1}
                    onClick={() => setAnswers((a) => ({ ...a, [item.linkId]: v }))}
                    onKeyDown={(e) => moveWithArrows(e, v, form.min, form.max, dir, (next) => setAnswers((a) => ({ ...a, [item.linkId]: next })))}>
                    {v}
                  </UnstyledButton>
                );
              })}
            </div>
            <Group justify="space-between" mt={4}>
              <Text size="sm">{low}</Text>
              <Text size="sm">{high}</Text>
            </Group>
          </Paper>
        ))}
        {missing && form.items.some((i) => answers[i.linkId] === undefined) && (
          <Alert color="red" role="alert">{answerAllMessage}</Alert>
        )}
        <Button type="submit" size="xl" fullWidth loading={busy} loaderProps={{ 'aria-label': busyLabel } as object}>
          {busy ? busyLabel : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

/** Left/right follow the reading direction; up/down always mean lower/higher. */
function moveWithArrows(e: React.KeyboardEvent<HTMLButtonElement>, value: number, min: number, max: number,
  dir: 'rtl' | 'ltr', choose: (v: number) => void) {
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  let next: number | null = null;
  if (e.key === forward || e.key === 'ArrowUp') next = Math.min(max, value + 1);
  if (e.key === back || e.key === 'ArrowDown') next = Math.max(min, value - 1);
  if (next === null) return;
  e.preventDefault();
  choose(next);
  const group = e.currentTarget.parentElement;
  (group?.querySelector(`[data-value="${next}"]`) as HTMLElement | null)?.focus();
}
