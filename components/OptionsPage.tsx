import { useState } from 'preact/hooks';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '@/lib/schema/settings';
import { FileImport, type FileImportProps } from './FileImport';
import { ReferencePanel, type ReferencePanelProps } from './options/ReferencePanel';
import { DataPanel, type DataPanelProps } from './options/DataPanel';
import { BROKERAGE_SITES, type BrokerageSiteId } from '../lib/adapters/sites';
import { OnlineDataPanel, type OnlineDataPanelProps } from './options/OnlineDataPanel';

type PercentKey = Exclude<keyof RuleSettings, 'noMidSmallLevel' | 'staleAfterDays' | 'historyKeepDays' | 'benchmark' | 'disabledSites' | 'referenceAutoRefresh' | 'onlineData' | 'brokenGrowthCauseMonths' | 'megaCapRevisionCaution' | 'estimatesApiKey'>;

/** Every threshold, shown in percent, with its default and what it is for. */
export const THRESHOLD_FIELDS: { key: PercentKey; label: string; unit: '%' | 'pp'; explain: string }[] = [
  { key: 'topTenConsiderMargin', label: 'Top-10 exposure: consider above the index by', unit: 'pp', explain: 'The S&P 500 itself has about 39 % in its ten largest companies. Holding more than the index plus this margin is flagged “consider”.' },
  { key: 'topTenCautionMargin', label: 'Top-10 exposure: caution above the index by', unit: 'pp', explain: 'Beyond this margin over the index, the flag becomes “caution”.' },
  { key: 'singleIssuerConsider', label: 'One company: consider above', unit: '%', explain: 'Direct shares plus what your funds hold of the same company. One firm’s bad year should not be yours.' },
  { key: 'singleIssuerCaution', label: 'One company: caution above', unit: '%', explain: 'The level at which a single company becomes a caution.' },
  { key: 'activeShareMin', label: 'Closet indexing: active share below', unit: '%', explain: 'Cremers & Petajisto call portfolios under 60 % active share closet indexers: they mostly mirror the index, concentration included.' },
  { key: 'sectorTiltConsider', label: 'Sector tilt: consider beyond ±', unit: 'pp', explain: 'How far a sector’s share of your stocks may drift from the S&P 500 before it is flagged.' },
  { key: 'sectorTiltCaution', label: 'Sector tilt: caution beyond ±', unit: 'pp', explain: 'The drift at which a sector tilt becomes a caution.' },
  { key: 'brokenGrowthMinDrawdown', label: 'Broken growth: beaten down at least', unit: '%', explain: 'With online data on: how far below its 52-week high a small or mid-cap must trade to count as beaten down.' },
  { key: 'brokenGrowthMaxMarginDrop', label: 'Broken growth: gross margin may fall by at most', unit: 'pp', explain: 'A business whose gross margin collapsed is not “intact”: a drop beyond this over a year fails the margin test.' },
];

const toPercent = (x: number) => String(Math.round(x * 1000) / 10);

export interface OptionsPageProps {
  initial: RuleSettings;
  onSave: (change: Partial<RuleSettings>) => Promise<RuleSettings>;
  onReset: () => Promise<RuleSettings>;
  onImportFile: FileImportProps['onFile'];
  importFormats: readonly string[];
  data: DataPanelProps;
  /** Absent until the stored reference data is loaded. */
  reference?: ReferencePanelProps;
  online?: OnlineDataPanelProps;
}

export function OptionsPage({ initial, onSave, onReset, onImportFile, importFormats, data, reference, online }: OptionsPageProps) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, toPercent(initial[f.key])])));
  const [level, setLevel] = useState(initial.noMidSmallLevel);
  const [staleDays, setStaleDays] = useState(String(initial.staleAfterDays));
  const [keepDays, setKeepDays] = useState(String(initial.historyKeepDays));
  const [disabled, setDisabled] = useState<BrokerageSiteId[]>(initial.disabledSites);
  const [causeMonths, setCauseMonths] = useState(String(initial.brokenGrowthCauseMonths));
  const [revisionLine, setRevisionLine] = useState(String(Math.round(-initial.megaCapRevisionCaution * 1000) / 10));
  const [status, setStatus] = useState('');

  const problems = Object.fromEntries(
    THRESHOLD_FIELDS.map((f) => {
      const n = Number(values[f.key]);
      return [f.key, values[f.key]?.trim() === '' || !Number.isFinite(n) ? 'Enter a number.' : n < 0 || n > 100 ? 'Between 0 and 100.' : ''];
    }),
  );
  const staleProblem = /^\d+$/.test(staleDays.trim()) && Number(staleDays) >= 1 && Number(staleDays) <= 365 ? '' : 'A whole number of days, 1 to 365.';
  const keepProblem = /^\d+$/.test(keepDays.trim()) && Number(keepDays) >= 30 && Number(keepDays) <= 3650 ? '' : 'A whole number of days, 30 to 3650.';
  const causeProblem = /^\d+$/.test(causeMonths.trim()) && Number(causeMonths) >= 1 && Number(causeMonths) <= 36 ? '' : 'A whole number of months, 1 to 36.';
  const revisionProblem = revisionLine.trim() !== '' && Number.isFinite(Number(revisionLine)) && Number(revisionLine) >= 0 && Number(revisionLine) <= 100 ? '' : 'Between 0 and 100.';
  const invalid = Object.values(problems).some(Boolean) || !!staleProblem || !!keepProblem || !!causeProblem || !!revisionProblem;

  const apply = (s: RuleSettings) => {
    setValues(Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, toPercent(s[f.key])])));
    setLevel(s.noMidSmallLevel);
    setStaleDays(String(s.staleAfterDays));
    setKeepDays(String(s.historyKeepDays));
    setDisabled(s.disabledSites);
    setCauseMonths(String(s.brokenGrowthCauseMonths));
    setRevisionLine(String(Math.round(-s.megaCapRevisionCaution * 1000) / 10));
  };

  async function save(e: Event) {
    e.preventDefault();
    if (invalid) return;
    // Only what this form shows: other settings (the weekly index fetch) are kept as stored.
    const change: Partial<RuleSettings> = { noMidSmallLevel: level, staleAfterDays: Number(staleDays), historyKeepDays: Number(keepDays), disabledSites: disabled, brokenGrowthCauseMonths: Number(causeMonths), megaCapRevisionCaution: -Number(revisionLine) / 100 };
    for (const f of THRESHOLD_FIELDS) change[f.key] = Number(values[f.key]) / 100;
    try {
      apply(await onSave(change));
      setStatus('Saved. The audit has been recomputed with these thresholds.');
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <main>
      <h1>Breadth options</h1>
      <p class="lead">Breadth keeps everything in this browser.</p>
      <nav class="toc" aria-label="Sections">
        <a href="#import">Import</a> · <a href="#thresholds">Thresholds</a> · <a href="#brokerages">Brokerages</a> · <a href="#reference">Index data</a> · <a href="#online">Online data</a> · <a href="#data">Your data</a>
      </nav>
      <fieldset id="import">
        <legend>Import a positions file</legend>
        <FileImport onFile={onImportFile} formats={importFormats} />
      </fieldset>
      <p class="lead">These thresholds decide when a finding says “consider” or “caution”.</p>
      <form onSubmit={save} noValidate>
        <fieldset id="thresholds">
          <legend>Rule thresholds</legend>
          <div class="field">
            <label for="benchmark">Benchmark</label>
            <select id="benchmark" value={initial.benchmark}>
              <option value="sp500">S&amp;P 500</option>
            </select>
            <p class="explain">What active share, sector tilts and “the top 10” are measured against. The S&amp;P 500 is the only benchmark so far.</p>
          </div>
          {THRESHOLD_FIELDS.map((f) => (
            <div class="field" key={f.key}>
              <label for={f.key}>
                {f.label} ({f.unit}) <span class="default">default {toPercent(DEFAULT_RULE_SETTINGS[f.key])}</span>
              </label>
              <input
                id={f.key}
                inputMode="decimal"
                value={values[f.key]}
                aria-invalid={problems[f.key] ? 'true' : 'false'}
                aria-describedby={`${f.key}-explain`}
                onInput={(e) => setValues({ ...values, [f.key]: (e.currentTarget as HTMLInputElement).value })}
              />
              <p class="explain" id={`${f.key}-explain`}>{f.explain}</p>
              {problems[f.key] && <p class="problem" role="alert">{problems[f.key]}</p>}
            </div>
          ))}
          <div class="field">
            <label for="noMidSmallLevel">
              No S&amp;P 400 / 600 holdings at all <span class="default">default consider</span>
            </label>
            <select id="noMidSmallLevel" value={level} onChange={(e) => setLevel((e.currentTarget as HTMLSelectElement).value as RuleSettings['noMidSmallLevel'])}>
              <option value="ok">ok</option>
              <option value="consider">consider</option>
              <option value="caution">caution</option>
            </select>
            <p class="explain">Mid- and small-caps are where money goes if the market broadens beyond the giants.</p>
          </div>
          <div class="field">
            <label for="staleAfterDays">
              Mark an account stale after (days) <span class="default">default {DEFAULT_RULE_SETTINGS.staleAfterDays}</span>
            </label>
            <input id="staleAfterDays" inputMode="numeric" value={staleDays} aria-invalid={staleProblem ? 'true' : 'false'} onInput={(e) => setStaleDays((e.currentTarget as HTMLInputElement).value)} />
            <p class="explain">Holdings change: an account not read again for this long is flagged in the popup, so old numbers are not taken for today’s.</p>
            {staleProblem && <p class="problem" role="alert">{staleProblem}</p>}
          </div>
          <div class="field">
            <label for="megaCapRevisionCaution">
              Mega-cap estimates: caution when consensus falls more than (%) <span class="default">default {-DEFAULT_RULE_SETTINGS.megaCapRevisionCaution * 100}</span>
            </label>
            <input id="megaCapRevisionCaution" inputMode="decimal" value={revisionLine} aria-invalid={revisionProblem ? 'true' : 'false'} onInput={(e) => setRevisionLine((e.currentTarget as HTMLInputElement).value)} />
            <p class="explain">With estimates available: the 90-day change of the top-10 companies’ consensus EPS, weighted by how much of your money is in each. Cuts at the giants are the turn the broadening thesis waits for.</p>
            {revisionProblem && <p class="problem" role="alert">{revisionProblem}</p>}
          </div>
          <div class="field">
            <label for="brokenGrowthCauseMonths">
              Broken growth: a temporary cause counts within (months) <span class="default">default {DEFAULT_RULE_SETTINGS.brokenGrowthCauseMonths}</span>
            </label>
            <input id="brokenGrowthCauseMonths" inputMode="numeric" value={causeMonths} aria-invalid={causeProblem ? 'true' : 'false'} onInput={(e) => setCauseMonths((e.currentTarget as HTMLInputElement).value)} />
            <p class="explain">An officer change (8-K Item 5.02) or a single bad quarter this recent may explain a fall that can pass; an older one no longer does.</p>
            {causeProblem && <p class="problem" role="alert">{causeProblem}</p>}
          </div>
          <div class="field">
            <label for="historyKeepDays">
              Keep audits in the history for (days) <span class="default">default {DEFAULT_RULE_SETTINGS.historyKeepDays}</span>
            </label>
            <input id="historyKeepDays" inputMode="numeric" value={keepDays} aria-invalid={keepProblem ? 'true' : 'false'} onInput={(e) => setKeepDays((e.currentTarget as HTMLInputElement).value)} />
            <p class="explain">Each change to your holdings keeps an audit, so you can compare quarters. Older ones are deleted; the newest is always kept.</p>
            {keepProblem && <p class="problem" role="alert">{keepProblem}</p>}
          </div>
        </fieldset>
        <fieldset id="brokerages">
          <legend>Brokerages</legend>
          <p class="explain">Breadth reads the positions pages of these sites when you open them. Turn one off and its pages are left alone: nothing from them is stored.</p>
          <ul class="sites">
            {BROKERAGE_SITES.map((site) => (
              <li key={site.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={!disabled.includes(site.id)}
                    data-testid={`site-${site.id}`}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      setDisabled(on ? disabled.filter((d) => d !== site.id) : [...disabled, site.id]);
                    }}
                  />{' '}
                  {site.label} <span class="hint">({site.host})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={invalid}>Save</button>
          <button type="button" onClick={async () => { apply(await onReset()); setStatus('Defaults restored.'); }}>Reset to defaults</button>
          <span class="status" role="status">{status}</span>
        </div>
      </form>
      {reference && <ReferencePanel {...reference} />}
      {online && <OnlineDataPanel {...online} />}
      <DataPanel {...data} />
    </main>
  );
}
