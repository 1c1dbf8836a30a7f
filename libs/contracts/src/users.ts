/** User accounts: what the API says about one (an admin's list, and `GET /users/me`). */
import { Role } from './roles';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  prisonCodes: string[];
  providerId: string | null;
  teamKey: string | null;
  isManager: boolean;
  regionCode: string | null;
  active: boolean;
}

/**
 * `GET /users/me/settings`: where GOV.UK Notify messages reach her and which she wants. She edits her own; an
 * administrator may edit anyone's (PATCH /users/{id}/settings), as she does access.
 */
export interface UserSettingsView {
  email: string | null;
  /** As stored: +447xxxxxxxxx. */
  mobile: string | null;
  notifyByEmail: boolean;
  notifyBySms: boolean;
  /** Alerts on tasks she has claimed are sent to her too. */
  notifyClaimedTasks: boolean;
  /** The web app's language: English or Welsh (Cymraeg); null until she chooses. */
  preferredLanguage: PreferredLanguage | null;
}

/** The languages the web app speaks (issue 18; Welsh Language Standards (No. 1) Regulations 2015). */
export enum PreferredLanguage {
  ENGLISH = 'en',
  WELSH = 'cy',
}

/** `GET /auth/me`: the signed-in user as her token and account say (the API also sends her access scope). */
export interface CurrentUserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  prisonCodes: string[];
  providerId: string | null;
  /** Her team (prison code, release area, or provider id) and whether she manages it: alert rooms. */
  teamKey: string | null;
  isManager: boolean;
}

/** `POST /auth/login` and `POST /auth/refresh`. */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  user: CurrentUserView;
}
