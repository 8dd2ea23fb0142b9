import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { Shell } from './Shell';
import { LiveInbox } from './live/useInbox';
import { Loading } from './components/States';
import CaseloadScreen from './screens/caseload/CaseloadScreen';
import SignInScreen from './screens/signin/SignInScreen';
import { screens } from './screens/registry';

const FeedbackLinkScreen = lazy(() => import('./screens/feedback-link/FeedbackLinkScreen'));
const SignInCallback = lazy(() => import('./screens/signin/SignInCallback'));

/** Screens behind sign-in; anyone else is sent to the sign-in page and brought back afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session, restoring } = useAuth();
  const location = useLocation();
  if (restoring) return <Loading what="your session" />;
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function App() {
  return (
    <Suspense fallback={<Loading what="the page" />}>
      <Routes>
        {/* Public: the client's one-time feedback link needs no account. */}
        <Route path="/feedback/:token" element={<FeedbackLinkScreen />} />
        <Route path="/signin-callback" element={<SignInCallback />} />
        <Route path="/sign-in" element={<SignInScreen />} />
        <Route element={<RequireSession><LiveInbox><Shell /></LiveInbox></RequireSession>}>
          <Route index element={<CaseloadScreen />} />
          {screens.map(({ path, Screen }) => (
            <Route key={path} path={path} element={<Screen />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function NotFound() {
  return <p>There is no page at this address. Use the navigation to find your way.</p>;
}
