import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The signed-in screens besides the caseload, one folder each under src/screens/, loaded on first use
 * so the caseload is interactive before the diary's calendar or the charts are downloaded.
 */
export const screens: { path: string; Screen: LazyExoticComponent<ComponentType> }[] = [
  { path: 'clients/:clientId', Screen: lazy(() => import('./client/ClientScreen')) },
  { path: 'clients/:clientId/feedback', Screen: lazy(() => import('./feedback/FeedbackScreen')) },
  // Links in notifications point into a part of the record, e.g. /clients/{id}/alliance or /sessions/{sessionId}.
  { path: 'clients/:clientId/:section/*', Screen: lazy(() => import('./client/ClientScreen')) },
  { path: 'diary', Screen: lazy(() => import('./diary/DiaryScreen')) },
  { path: 'ruptures', Screen: lazy(() => import('./ruptures/RupturesScreen')) },
  { path: 'notifications', Screen: lazy(() => import('./notifications/NotificationsScreen')) },
  { path: 'admin', Screen: lazy(() => import('./admin/AdminScreen')) },
];
