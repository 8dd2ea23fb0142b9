import { useEffect, useState } from 'react';
import { completeOidcCallback, loadConfig } from '../../auth/provider';
import { ErrorNotice, Loading } from '../../components/States';

/** Where the identity provider sends the sign-in popup or the silent-renew frame back to. */
export default function SignInCallback() {
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadConfig().then(completeOidcCallback).catch(setError);
  }, []);
  return error ? <ErrorNotice error={error} title="Sign-in did not complete" /> : <Loading what="sign-in" />;
}
