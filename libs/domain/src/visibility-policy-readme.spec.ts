/**
 * The README's "Who sees what" table is the visibility policy written for a data protection officer: this test
 * reads it and holds it to VISIBILITY (and a CRS caseworker's limits) cell by cell, so the two never drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from './roles';
import { CRS_CASEWORKER_LIMITS, DATA_KINDS, DataKind, VISIBILITY } from './visibility-policy';

const COLUMN_ROLES: Record<string, Role> = {
  'pre-release team': Role.PRE_RELEASE_TEAM,
  POM: Role.POM,
  COM: Role.COM,
  'CRS caseworker': Role.CRS_CASEWORKER,
  governor: Role.GOVERNOR,
  'regional manager': Role.REGIONAL_MANAGER,
  admin: Role.ADMIN,
};

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

function readmeTable(): { header: string[]; rows: string[][] } {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- visibility-table:start -->');
  const end = readme.indexOf('<!-- visibility-table:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no visibility table between its markers');
  const lines = readme
    .slice(start, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const [header, , ...rows] = lines.map(cells);
  return { header, rows };
}

describe('the README’s visibility table', () => {
  const { header, rows } = readmeTable();
  const roleColumns = header.slice(2);

  it('has one column per role and one row per data kind, in the policy’s order', () => {
    expect(roleColumns.map((c) => COLUMN_ROLES[c])).toEqual(Object.values(Role));
    expect(rows.map((r) => r[0].replace(/`/g, ''))).toEqual([...DATA_KINDS]);
  });

  it('says yes exactly where VISIBILITY lets a role see a kind, and gives a CRS caseworker’s limits word for word', () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const kind = row[0].replace(/`/g, '') as DataKind;
      row.slice(2).forEach((cell, i) => {
        const role = COLUMN_ROLES[roleColumns[i]];
        const allowed = VISIBILITY[kind].includes(role);
        const limit = role === Role.CRS_CASEWORKER ? CRS_CASEWORKER_LIMITS[kind] : undefined;
        const expected = `${allowed ? 'yes' : 'no'}${limit ? `: ${limit}` : ''}`;
        if (cell !== expected) mismatches.push(`${kind} for ${role}: README says "${cell}", policy says "${expected}"`);
      });
    }
    expect(mismatches).toEqual([]);
  });
});
