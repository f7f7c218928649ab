// Geometry of the dashboard's occupancy chart (server-rendered SVG, no chart library): one group of bars per day,
// one bar per unit, and a capacity mark above each bar where staff set a limit. Pure: the page draws it.
import { eachDay, isoWeekday, type IsoDate, type Unit } from '@/lib/planning';
import type { SiteDay } from '@/lib/reports/occupancy';

export const CHART = { width: 960, height: 260, left: 44, right: 8, top: 12, bottom: 44 } as const;

export interface ChartBar {
  unit: Unit;
  x: number;
  y: number;
  width: number;
  height: number;
  booked: number;
  capacityY: number | null;
  full: boolean;
}
export interface ChartDay {
  date: IsoDate;
  x: number;
  width: number;
  label: string | null;
  bars: ChartBar[];
}
export interface Chart {
  days: ChartDay[];
  units: Unit[];
  yTicks: { value: number; y: number }[];
  /** baseline of the bars */
  baseY: number;
  summary: { daysBooked: number; max: number; maxDate: IsoDate | null; maxUnit: Unit | null; fullCount: number };
}

const UNIT_ORDER: readonly Unit[] = ['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'];

/** Monday to Friday of the window (and any weekend day with bookings), each with a bar per unit of the site. */
export function buildChart(days: readonly SiteDay[], from: IsoDate, to: IsoDate): Chart {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const dates = eachDay(from, to).filter((d) => isoWeekday(d) <= 5 || byDate.has(d));
  const units = UNIT_ORDER.filter((u) => days.some((d) => d.units[u]));
  let top = 0;
  for (const d of days) for (const u of units) top = Math.max(top, d.units[u]?.booked ?? 0, d.units[u]?.capacity ?? 0);
  const step = niceStep(top);
  const maxY = Math.max(step, Math.ceil(top / step) * step);
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const baseY = CHART.top + plotH;
  const y = (v: number) => baseY - (v / maxY) * plotH;
  const groupW = dates.length === 0 ? plotW : plotW / dates.length;
  const barW = units.length === 0 ? 0 : (groupW * 0.8) / units.length;
  const summary: Chart['summary'] = { daysBooked: 0, max: 0, maxDate: null, maxUnit: null, fullCount: 0 };
  const chartDays = dates.map((date, i) => {
    const x = CHART.left + i * groupW;
    const day = byDate.get(date);
    if (day) summary.daysBooked += 1;
    const bars = units.map((unit, j) => {
      const cell = day?.units[unit];
      const booked = cell?.booked ?? 0;
      const capacity = cell?.capacity ?? null;
      const full = capacity !== null && booked >= capacity;
      if (booked > summary.max) Object.assign(summary, { max: booked, maxDate: date, maxUnit: unit });
      if (full) summary.fullCount += 1;
      return {
        unit,
        x: x + groupW * 0.1 + j * barW,
        y: y(booked),
        width: Math.max(1, barW - 0.5),
        height: baseY - y(booked),
        booked,
        capacityY: capacity === null ? null : y(capacity),
        full,
      };
    });
    // a label under each Monday (and the first day): "7/12"
    const label = i === 0 || isoWeekday(date) === 1 ? `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}` : null;
    return { date, x, width: groupW, label, bars };
  });
  const yTicks: Chart['yTicks'] = [];
  for (let v = 0; v <= maxY; v += step) yTicks.push({ value: v, y: y(v) });
  return { days: chartDays, units, yTicks, baseY, summary };
}

function niceStep(max: number): number {
  if (max <= 0) return 10;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const n = raw / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}

/**
 * The chart as a few SVG paths: one per unit for its bars, one for every capacity mark. Drawn as one element per bar,
 * a site's chart was about 13 KB of HTML and twice that again in the page's RSC payload; as paths, about a tenth.
 */
export function chartPaths(chart: Chart): { bars: Partial<Record<Unit, string>>; capacity: string } {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  const bars: Partial<Record<Unit, string>> = {};
  const capacity: string[] = [];
  for (const day of chart.days) {
    for (const b of day.bars) {
      if (b.height > 0)
        bars[b.unit] = `${bars[b.unit] ?? ''}M${n(b.x)} ${n(b.y)}h${n(b.width)}v${n(b.height)}h-${n(b.width)}z`;
      if (b.capacityY !== null) capacity.push(`M${n(b.x - 0.5)} ${n(b.capacityY)}h${n(b.width + 1)}`);
    }
  }
  return { bars, capacity: capacity.join('') };
}
