// Shapes of the services' answers that the screens use (see docs/api.md).
import type { ScoreMeaning } from '../alliance/scoreMeaning';

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface ClientListItem {
  id: string;
  reference: string;
  givenName: string;
  familyName: string;
  preferredName?: string;
  preferredLanguage?: string;
  interpreterNeeded?: boolean;
  teamId?: string;
  status: 'active' | 'discharged' | string;
}

export interface ProfessionalPreferences {
  gender?: string;
  culturalBackground?: string;
  directiveness?: string;
  challenge?: string;
  times?: string;
  settings?: string;
}

export interface Client extends ClientListItem {
  dateOfBirth?: string;
  nhsNumber?: string;
  phone?: string;
  email?: string;
  addressLine1?: string;
  addressLine2?: string;
  town?: string;
  postcode?: string;
  communicationNeeds?: string;
  accessibilityNeeds?: string;
  culturalContext?: string;
  faithContext?: string;
  professionalPreferences?: ProfessionalPreferences;
  organisationId?: string;
  solicitorReference?: string;
  registeredAt?: string;
  dischargedOn?: string;
  version?: number;
}

export interface PairStatus {
  professionalId: string;
  latestTotal: number | null;
  latestPercentOfMax: number | null;
  latestInConcernRange: boolean | null;
  /** The measure of the latest client alliance rating, and what that rating means. */
  latestMeasureId?: string | null;
  latestMeaning?: ScoreMeaning | null;
  lastFeedbackAt: string | null;
  feedbackOverdue: boolean;
  openEpisodes: number;
  episodes: number;
  repairedEpisodes: number;
}

export interface ClientAllianceStatus {
  clientId: string;
  teamId: string;
  status: string;
  pairs: PairStatus[];
  openEpisodes: number;
  lastFeedbackAt: string | null;
  feedbackOverdue: boolean;
}

export interface CaseloadAlliance {
  scope: string;
  clients: ClientAllianceStatus[];
  summary: {
    clients: number;
    ruptures: number;
    openRuptures: number;
    repaired: number;
    repairRate: number | null;
    medianDaysToRepair: number | null;
  };
}

export type SessionStatus = 'scheduled' | 'attended' | 'cancelled' | 'missed' | 'rescheduled';

export interface SessionView {
  id: string;
  clientId: string;
  seriesId?: string;
  rescheduledFrom?: string;
  type: string;
  status: SessionStatus;
  start: string;
  end: string;
  timeZone: string;
  localStart: string;
  localEnd: string;
  professionalIds: string[];
  location?: string;
  remoteLink?: string;
  language?: string;
  interpreter?: boolean;
  minutesLate?: number;
  cancelledBy?: string;
  reasonCode?: string;
  hoursNotice?: number;
  version: number;
}

export interface CareCircleMember {
  id: string;
  role: string;
  userId?: string;
  displayName: string;
  discipline?: string;
  organisationId?: string;
  relationship?: string;
  phone?: string;
  email?: string;
  joinedOn: string;
  leftOn?: string;
  active: boolean;
}

export interface ConsentView {
  current: {
    category: string;
    recipientRole?: string;
    recipientMemberId?: string;
    decision: 'granted' | 'withdrawn';
    basis: string;
    effectiveUntil?: string;
  }[];
  history: {
    id: string;
    category: string;
    recipientRole?: string;
    recipientMemberId?: string;
    decision: string;
    effectiveFrom: string;
    effectiveUntil?: string;
    note?: string;
    recordedBy: string;
    recordedAt: string;
  }[];
  recordKeeping?: { sharedWith?: string; retention?: string; agreedOn?: string };
}

export interface Goal {
  id: string;
  statement: string;
  status: string;
  tasks?: string[];
  agreedBy?: string[];
  targetDate?: string;
  progressPercent?: number;
  achievedOn?: string;
  setAt?: string;
  progress?: { id: string; notedOn: string; note: string; progressPercent?: number }[];
  version?: number;
}

export interface TrendPoint extends ScoreMeaning {
  responseId: string;
  measureId: string;
  at: string;
  total: number;
  percentOfMax: number;
  cutOff: number | null;
  /** On the measure's own concern side: below the cut-off when higher is better, at or above it when higher is worse. */
  inConcernRange: boolean;
}

export interface EpisodeMarker {
  episodeId: string;
  state: string;
  detectedAt: string;
  endedAt: string | null;
}

export interface PairTrend {
  professionalId: string;
  /** The client's alliance ratings only. */
  clientRatings: TrendPoint[];
  professionalCheckIns: TrendPoint[];
  /** Outcome measures given in this work (PHQ-9, CORE-10, ORS …): never on the alliance line. */
  outcomes: TrendPoint[];
  episodes: EpisodeMarker[];
}

export interface ClientTrend {
  clientId: string;
  pairs: PairTrend[];
}

export interface Signal {
  kind: string;
  evidence: Record<string, unknown>;
  detectedAt: string;
}

export interface Repair {
  id: string;
  strategy: string;
  note?: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Episode {
  id: string;
  clientId: string;
  professionalId: string;
  state: string;
  detectedAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  endedAt?: string;
  endReason?: string;
  repaired: boolean;
  signals: Signal[];
  repairs: Repair[];
}

export interface Notification {
  id: string;
  title: string;
  clientId?: string;
  eventType: string;
  link?: string;
  createdAt: string;
  read: boolean;
  archived: boolean;
  streamId: number;
}

export interface Inbox {
  items: Notification[];
  unread: number;
  page: number;
  size: number;
  total: number;
}

export interface Preferences {
  email?: string;
  language?: string;
  quietHours?: { start: string; end: string } | null;
  groups: Record<string, { channels: string[]; delivery: 'immediate' | 'daily-digest' }>;
}

export interface FeedbackForm {
  measureId: string;
  title: string;
  language: string;
  direction: 'rtl' | 'ltr';
  min: number;
  max: number;
  anchors: { value: number; label: string }[];
  items: { linkId: string; text: string }[];
  expiresAt: string;
}

export interface Professional {
  userId: string;
  organisationId: string;
  displayName: string;
  role: string;
  discipline?: string;
  email?: string;
  teamIds: string[];
  active: boolean;
}
