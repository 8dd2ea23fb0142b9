import { Alert } from '@mantine/core';
import { ApiError, humanMessage } from '../api/problem';

/** For a form: the message of a refused request that no field below claims (fields show their own). */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.generalMessage(fields) : humanMessage(error);
  if (!message) return null;
  return (
    <Alert color="red" role="alert" variant="light" title={error instanceof ApiError && error.kind === 'double-booking' ? 'Double booking' : 'Not saved'}>
      {message}
    </Alert>
  );
}

/** The server's message for one field, for an input's `error` prop. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.forField(field) : undefined;
}
