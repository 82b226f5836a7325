import { createContext, useContext } from 'react';
import type { MeResponse } from '../../contracts/api';
import type { ApiClient } from '../api-client/client';

export interface SessionValue {
  readonly api: ApiClient;
  readonly me: MeResponse;
  readonly isAnalyst: boolean;
  readonly isAdmin: boolean;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in person and the API client; every page under the shell has them. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession is used outside the signed-in shell.');
  return value;
}

export function sessionValue(api: ApiClient, me: MeResponse): SessionValue {
  const isAdmin = me.roles.includes('Admin');
  return { api, me, isAdmin, isAnalyst: isAdmin || me.roles.includes('Analyst') };
}
