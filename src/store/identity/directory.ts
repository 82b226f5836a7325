// The emulated directory: people with their object ids, app roles and group memberships.
// The seed fills it; the dev sign-in mints tokens from it; it answers GET /v1.0/users for people search.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/open';

export const APP_ROLES = ['Analyst', 'ServiceOwner', 'Admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const personInputSchema = z.object({
  id: z.string().regex(GUID, 'id must be a GUID (an Entra object id)').optional(),
  userPrincipalName: z.string().min(3).max(113).regex(/^[^@\s]+@[^@\s]+$/, 'userPrincipalName must look like name@domain'),
  displayName: z.string().min(1).max(256),
  mail: z.string().max(256).nullish(),
  jobTitle: z.string().max(128).nullish(),
  department: z.string().max(64).nullish(),
  appRoles: z.array(z.enum(APP_ROLES)).default([]),
  groups: z.array(z.string().regex(GUID, 'group ids must be GUIDs (Entra group object ids)')).default([]),
});

export type PersonInput = z.input<typeof personInputSchema>;

export interface Person {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly mail: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly appRoles: readonly AppRole[];
  readonly groups: readonly string[];
}

interface UserRow {
  id: string; user_principal_name: string; display_name: string; mail: string | null;
  job_title: string | null; department: string | null; app_roles: string; groups: string;
}

export class Directory {
  constructor(private readonly db: Db) {}

  /** Insert or update people by UPN; a person without an id keeps a stable one derived from the UPN. */
  upsertPeople(people: readonly PersonInput[]): Person[] {
    const parsed = people.map((p) => personInputSchema.parse(p));
    const statement = this.db.prepare(`INSERT INTO users (id, user_principal_name, display_name, mail, job_title, department, app_roles, groups)
      VALUES (@id, @upn, @displayName, @mail, @jobTitle, @department, @appRoles, @groups)
      ON CONFLICT(user_principal_name) DO UPDATE SET display_name = excluded.display_name, mail = excluded.mail,
        job_title = excluded.job_title, department = excluded.department, app_roles = excluded.app_roles, groups = excluded.groups`);
    this.db.transaction(() => {
      for (const p of parsed) {
        const existing = this.findByUpn(p.userPrincipalName);
        statement.run({
          id: existing?.id ?? p.id?.toLowerCase() ?? objectIdFor(p.userPrincipalName),
          upn: p.userPrincipalName,
          displayName: p.displayName,
          mail: p.mail ?? null,
          jobTitle: p.jobTitle ?? null,
          department: p.department ?? null,
          appRoles: JSON.stringify([...new Set(p.appRoles)]),
          groups: JSON.stringify([...new Set(p.groups.map((g) => g.toLowerCase()))]),
        });
      }
    })();
    return parsed.map((p) => this.findByUpn(p.userPrincipalName)!);
  }

  findByUpn(upn: string): Person | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE user_principal_name = ?').get(upn) as UserRow | undefined;
    return row ? toPerson(row) : undefined;
  }

  findById(id: string): Person | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id.toLowerCase()) as UserRow | undefined;
    return row ? toPerson(row) : undefined;
  }

  /** People matching an SQL condition over the users table, in display-name order (GET /v1.0/users). */
  where(condition: { readonly sql: string; readonly params: readonly (string | number | null)[] }): Person[] {
    const rows = this.db.prepare(`SELECT * FROM users WHERE ${condition.sql} ORDER BY display_name COLLATE NOCASE, id`).all(...condition.params) as UserRow[];
    return rows.map(toPerson);
  }

  list(): Person[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY display_name, user_principal_name').all() as UserRow[]).map(toPerson);
  }
}

/** A stable GUID-shaped object id for a UPN, so reseeding keeps people's ids. */
export function objectIdFor(upn: string): string {
  const h = createHash('sha256').update(`person:${upn.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function toPerson(row: UserRow): Person {
  return {
    id: row.id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    mail: row.mail,
    jobTitle: row.job_title,
    department: row.department,
    appRoles: JSON.parse(row.app_roles) as AppRole[],
    groups: JSON.parse(row.groups) as string[],
  };
}
