/**
 * Coverage agreement: the locale registry (`LOCALE_TABLES`), the fixture folders and the
 * top-level README's coverage table must agree. Every fixture's language has a registered
 * table; every locale issue 3 requires has fixtures on Android and iOS; the README table (locale
 * × OS × clock, one mark per fixture, plus detection without `--lang`) lists exactly the fixture
 * set. The table is generated here; `UPDATE_FIXTURES_README=1` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALE_TABLES } from '../src/locales/registry.js';
import {
  type Detection,
  detectWithoutLanguage,
  type Fixture,
  loadFixtures,
  REQUIRED_LOCALES,
  replaceBetween,
  tableFor,
  textBetween,
} from './support/fixtures.js';

const README = join(import.meta.dirname, '..', 'README.md');
const TABLE_START = '<!-- coverage-table:start -->';
const TABLE_END = '<!-- coverage-table:end -->';
/** The table's OS × clock columns, in order. */
const COLUMNS = [
  { os: 'android', clock: '12h', title: 'Android 12 h' },
  { os: 'android', clock: '24h', title: 'Android 24 h' },
  { os: 'ios', clock: '12h', title: 'iOS 12 h' },
  { os: 'ios', clock: '24h', title: 'iOS 24 h' },
] as const;
const CELL_SEPARATOR = '<br>';

const fixtures = loadFixtures();
const detections = new Map<string, Detection>(
  fixtures.map((fixture) => [fixture.name, detectWithoutLanguage(fixture)]),
);

function detectedRight(fixture: Fixture): boolean {
  const detection = detections.get(fixture.name);
  return detection?.formatRight === true && detection.dateOrderRight;
}

/** One fixture in a cell: `✓` (parses exactly) or `gap`, then its era when it has one. */
function cellItem(fixture: Fixture): string {
  const mark = fixture.expected.knownGap === undefined ? '✓' : 'gap';
  return fixture.era === '—' ? mark : `${mark} ${fixture.era}`;
}

function renderCoverage(): string {
  const locales = [
    ...REQUIRED_LOCALES,
    ...[...new Set(fixtures.map((fixture) => fixture.locale))]
      .filter((l) => !REQUIRED_LOCALES.includes(l))
      .sort(),
  ];
  const right = fixtures.filter(detectedRight).length;
  const gaps = fixtures.filter((fixture) => fixture.expected.knownGap !== undefined);
  const covered = new Set(locales.map((locale) => tableFor(locale)?.language));
  const untested = LOCALE_TABLES.map((table) => table.language).filter((language) => !covered.has(language));
  const lines = [
    `**${fixtures.length} fixture exports** for **${locales.length} locales** (the ${REQUIRED_LOCALES.length} locales issue 3 requires, each on Android and iOS, plus extras), from **${covered.size} of ${LOCALE_TABLES.length}** registered locale tables.`,
    `Parsed exactly with \`--lang\`: **${fixtures.length - gaps.length} of ${fixtures.length}**; known gaps: ${gaps.length === 0 ? 'none' : gaps.map((fixture) => `\`${fixture.name}\` (${fixture.expected.knownGap})`).join('; ')}.`,
    `Format and date order detected right without \`--lang\`: **${right} of ${fixtures.length}** (${Math.round((100 * right) / fixtures.length)}%).`,
    '',
    `| Locale | Table | Required | ${COLUMNS.map((column) => column.title).join(' | ')} | Detected without \`--lang\` |`,
    `|---|---|---|${COLUMNS.map(() => '---').join('|')}|---|`,
  ];
  for (const locale of locales) {
    const own = fixtures.filter((fixture) => fixture.locale === locale);
    const table = tableFor(locale);
    const cells = COLUMNS.map((column) => {
      const items = own
        .filter((fixture) => fixture.os === column.os && fixture.clock === column.clock)
        .map(cellItem);
      return items.length === 0 ? '—' : items.join(CELL_SEPARATOR);
    });
    const wrong = own.filter((fixture) => !detectedRight(fixture)).map((fixture) => `\`${fixture.name}\``);
    const detected = `${own.length - wrong.length} of ${own.length}${wrong.length === 0 ? '' : ` (not: ${wrong.join(', ')})`}`;
    lines.push(
      `| ${locale} | ${table === undefined ? '**none**' : `\`${table.language}\` ${table.name}`} | ${REQUIRED_LOCALES.includes(locale) ? 'yes' : '—'} | ${cells.join(' | ')} | ${detected} |`,
    );
  }
  lines.push(
    '',
    `✓ = the fixture parses exactly with its language given; \`gap\` = a known parser gap (exact comparison skipped); the word after the mark is the era (\`pre2023\`: plain space before the meridiem, \`2023\`: NNBSP, \`old\`, \`ambiguous\`, \`era\`: Japanese era years, \`persian\`: Solar Hijri calendar).`,
    `Registered tables without a fixture: ${untested.length === 0 ? 'none' : untested.map((language) => `\`${language}\``).join(', ')}.`,
  );
  return lines.join('\n');
}

/** Reads the fixture names back out of a rendered table, so the check names what is missing or extra. */
function namesInTable(table: string): string[] {
  const names: string[] = [];
  for (const row of table.split('\n')) {
    const cells = row.split('|').map((cell) => cell.trim());
    const locale = cells[1] ?? '';
    if (!/^[a-z]{2,3}-[A-Z]{2}$/u.test(locale)) continue;
    COLUMNS.forEach((column, i) => {
      const cell = cells[4 + i] ?? '—';
      if (cell === '—') return;
      for (const item of cell.split(CELL_SEPARATOR)) {
        const era = item.replace(/^(?:✓|gap) ?/u, '');
        names.push(`${column.os}-${locale}-${column.clock}${era === '' ? '' : `-${era}`}`);
      }
    });
  }
  return names.sort();
}

describe('coverage: locale tables, fixtures and README agree', () => {
  it("every fixture's language has a registered locale table", () => {
    for (const fixture of fixtures) {
      expect(tableFor(fixture.locale), `${fixture.name}: no table for ${fixture.locale}`).toBeDefined();
      expect(fixture.expected.options.language, fixture.name).toBe(fixture.locale);
    }
  });

  it('every required locale has a registered table and fixtures on Android and iOS', () => {
    for (const locale of REQUIRED_LOCALES) {
      expect(tableFor(locale), `no table for ${locale}`).toBeDefined();
      for (const os of ['android', 'ios']) {
        expect(
          fixtures.some((fixture) => fixture.locale === locale && fixture.os === os),
          `${os}-${locale}`,
        ).toBe(true);
      }
    }
  });

  it('every fixture states the format its folder name says', () => {
    for (const fixture of fixtures) {
      expect(fixture.expected.format.os, fixture.name).toBe(fixture.os);
      expect(fixture.expected.format.clock, fixture.name).toBe(fixture.clock);
    }
  });

  it('README.md coverage table lists exactly the fixture set and is current', () => {
    const table = renderCoverage();
    expect(namesInTable(table)).toEqual(fixtures.map((fixture) => fixture.name).sort());
    const readme = readFileSync(README, 'utf8');
    const current = textBetween(readme, TABLE_START, TABLE_END);
    const updated = replaceBetween(readme, TABLE_START, TABLE_END, table);
    if (current !== table && process.env.UPDATE_FIXTURES_README === '1' && updated !== null) {
      writeFileSync(README, updated);
      return;
    }
    expect(current, 'README.md needs the coverage markers').not.toBeNull();
    expect(namesInTable(current ?? ''), 'fixtures in the README table').toEqual(
      fixtures.map((fixture) => fixture.name).sort(),
    );
    expect(current, 'run with UPDATE_FIXTURES_README=1 to refresh README.md').toBe(table);
  });
});
