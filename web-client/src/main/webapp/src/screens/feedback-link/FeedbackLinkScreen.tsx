import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { publicApi } from '../../api/http';
import { ApiError } from '../../api/problem';
import type { FeedbackForm } from '../../api/types';
import { directionOf, pageText } from '../../i18n/lang';
import { MeasureForm } from '../../components/MeasureForm';

/**
 * The client's one-time feedback page: no account, phone first, in the link's language and direction.
 * The whole document takes the language so that screen readers and fonts follow it.
 */
export default function FeedbackLinkScreen() {
  const { token = '' } = useParams();
  const form = useQuery({
    queryKey: ['feedback-link', token],
    queryFn: () => publicApi<FeedbackForm>(`/api/v1/feedback/${encodeURIComponent(token)}`),
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (answers: Record<string, number>) =>
      publicApi<{ message: string }>(`/api/v1/feedback/${encodeURIComponent(token)}`, { method: 'POST', body: { answers } }),
  });
  const language = form.data?.language ?? 'en';
  const dir = form.data?.direction ?? directionOf(language);
  const text = pageText(language);

  useEffect(() => {
    const html = document.documentElement;
    const before = { lang: html.lang, dir: html.dir };
    html.lang = language;
    html.dir = dir;
    document.title = form.data?.title ?? 'Rapport';
    return () => {
      html.lang = before.lang;
      html.dir = before.dir;
    };
  }, [language, dir, form.data?.title]);

  return (
    <Container size={560} px="md" py="lg" dir={dir} lang={language}>
      <main>
        {form.isPending && <Text role="status" size="lg">{text.loading}</Text>}
        {form.isError && (
          <Alert color={isGone(form.error) ? 'blue' : 'red'} role="alert" title=" ">
            <Text size="lg">{isGone(form.error) ? text.used : text.notFound}</Text>
          </Alert>
        )}
        {form.isSuccess && (submit.isSuccess ? (
          <Alert color="teal" role="status" variant="light" data-testid="feedback-thanks">
            <Text size="xl" fw={600}>{submit.data.message}</Text>
          </Alert>
        ) : (
          <Stack gap="lg">
            <Title order={1} size="h2">{form.data.title}</Title>
            <Text size="lg">{text.intro}</Text>
            {submit.isError && (
              <Alert color={isGone(submit.error) ? 'blue' : 'red'} role="alert">
                {isGone(submit.error) ? text.used : text.answerAll}
              </Alert>
            )}
            <MeasureForm form={form.data} submitLabel={text.submit} busyLabel={text.sending} answerAllMessage={text.answerAll}
              busy={submit.isPending} onSubmit={(answers) => submit.mutate(answers)} />
          </Stack>
        ))}
      </main>
    </Container>
  );
}

function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 410;
}
