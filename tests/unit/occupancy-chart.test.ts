// The dashboard's chart as paths (lib/reports/occupancy-chart.ts): one bar per booked unit and day, a capacity mark
// where staff set one, nothing drawn for an empty bar.
import { describe, expect, it } from 'vitest';
import { buildChart, chartPaths } from '@/lib/reports/occupancy-chart';

describe('the occupancy chart as paths', () => {
  const chart = buildChart(
    [
      { date: '2026-12-02', units: { matin: { booked: 20, capacity: 40 }, apres_midi: { booked: 0, capacity: 40 } } },
      { date: '2026-12-09', units: { matin: { booked: 40, capacity: 40 } } },
    ],
    '2026-11-30',
    '2026-12-11',
  );
  const paths = chartPaths(chart);

  it('draws one closed rectangle per booked unit and day, and none for an empty bar', () => {
    expect(paths.bars.matin?.match(/z/g)).toHaveLength(2);
    expect(paths.bars.apres_midi).toBeUndefined();
    // the full Wednesday's bar is twice as tall as the half-full one
    const heights = [...paths.bars.matin!.matchAll(/v([\d.]+)/g)].map((m) => Number(m[1]));
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1);
  });

  it('marks the capacity of each bar that has one, the empty ones included', () => {
    expect(paths.capacity.match(/M/g)).toHaveLength(3);
  });
});
