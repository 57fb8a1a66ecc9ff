export type Point = { x: number; y: number; low?: number; high?: number };
export type Series = { name: string; points: Point[]; color?: string; dashed?: boolean };

const PALETTE = ['#1f5fbf', '#b3261e', '#1b7f3b', '#8a4baf', '#a15c00', '#00707a'];

/**
 * An SVG line chart for scores in 0..1 (y) over an ordinal or numeric x, with optional confidence
 * bands (`low`/`high`). Also rendered as a table for screen readers.
 */
export function LineChart({
  series,
  xLabel,
  yLabel,
  title,
  yMin = 0,
  yMax = 1,
}: {
  series: Series[];
  xLabel: string;
  yLabel: string;
  title: string;
  yMin?: number;
  yMax?: number;
}) {
  const W = 640;
  const H = 280;
  const pad = { l: 48, r: 16, t: 16, b: 40 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = Math.min(...xs, 0);
  const xMax = Math.max(...xs, 1);
  const sx = (x: number) => pad.l + ((x - xMin) / (xMax - xMin || 1)) * (W - pad.l - pad.r);
  const sy = (y: number) => H - pad.b - ((y - yMin) / (yMax - yMin || 1)) * (H - pad.t - pad.b);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => yMin + t * (yMax - yMin));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={sy(t)} y2={sy(t)} className="grid-line" />
            <text x={pad.l - 6} y={sy(t) + 4} textAnchor="end" className="axis-text">
              {Number(t.toFixed(2))}
            </text>
          </g>
        ))}
        {[...new Set(xs)].map((x) => (
          <text key={x} x={sx(x)} y={H - pad.b + 16} textAnchor="middle" className="axis-text">
            {Number(x.toFixed(3))}
          </text>
        ))}
        <text x={(W + pad.l) / 2} y={H - 6} textAnchor="middle" className="axis-label">
          {xLabel}
        </text>
        <text
          x={12}
          y={(H - pad.b) / 2}
          textAnchor="middle"
          className="axis-label"
          transform={`rotate(-90 12 ${(H - pad.b) / 2})`}
        >
          {yLabel}
        </text>
        {series.map((s, i) => {
          const color = s.color ?? PALETTE[i % PALETTE.length];
          const pts = [...s.points].sort((a, b) => a.x - b.x);
          const band = pts.filter((p) => p.low !== undefined && p.high !== undefined);
          return (
            <g key={s.name}>
              {band.length > 1 && (
                <polygon
                  fill={color}
                  opacity={0.15}
                  points={[
                    ...band.map((p) => `${sx(p.x)},${sy(p.high!)}`),
                    ...[...band].reverse().map((p) => `${sx(p.x)},${sy(p.low!)}`),
                  ].join(' ')}
                />
              )}
              <polyline
                fill="none"
                stroke={color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                points={pts.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}
              />
              {pts.map((p) => (
                <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3.5} fill={color}>
                  <title>{`${s.name}: ${xLabel} ${p.x} → ${p.y.toFixed(3)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.name} className="legend-item">
            <span
              className="swatch"
              style={{ background: s.color ?? PALETTE[i % PALETTE.length] }}
              aria-hidden="true"
            />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
