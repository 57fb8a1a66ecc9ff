import { pct } from '../../lib/format';
import { heatColor, textOn, type Heatmap as HeatData } from './chart';
import { TableWrap } from '../../components/ui';
import { showValue } from './results';

const ci = (low: number | null, high: number | null) =>
  low === null || high === null ? 'no CI' : `95 % CI ${pct(low)}–${pct(high)}`;

/**
 * Two parameters as an SVG grid: colour = overall score, each cell shows the score as text and its
 * CI on hover (title); a cell is a button that opens that combination's cases. A table with the
 * same numbers follows for screen readers and keyboard users.
 */
export function Heatmap({
  data,
  xLabel,
  yLabel,
  title,
  onSelect,
}: {
  data: HeatData;
  xLabel: string;
  yLabel: string;
  title: string;
  onSelect?: (comboId: string) => void;
}) {
  const cw = Math.max(44, Math.min(120, 640 / Math.max(1, data.xs.length)));
  const ch = Math.max(30, Math.min(56, 360 / Math.max(1, data.ys.length)));
  const pad = { l: 70, t: 12, b: 48, r: 10 };
  const W = pad.l + cw * data.xs.length + pad.r;
  const H = pad.t + ch * data.ys.length + pad.b;
  const xi = new Map(data.xs.map((v, i) => [JSON.stringify(v), i]));
  const yi = new Map(data.ys.map((v, i) => [JSON.stringify(v), i]));
  const cell = (x: unknown, y: unknown) =>
    data.cells.find(
      (c) => JSON.stringify(c.x) === JSON.stringify(x) && JSON.stringify(c.y) === JSON.stringify(y),
    );
  return (
    <figure className="chart ptuner-heatmap" data-testid="ptuner-heatmap">
      <div className="ptuner-heatmap-scroll">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          style={{ maxWidth: `${W}px` }}
          role="img"
          aria-label={`${title}. The table below lists the same scores.`}
        >
          {data.ys.map((y, j) => (
            <text
              key={`y${JSON.stringify(y)}`}
              x={pad.l - 6}
              y={pad.t + ch * (data.ys.length - 1 - j) + ch / 2 + 4}
              textAnchor="end"
              className="axis-text"
            >
              {showValue(y)}
            </text>
          ))}
          {data.xs.map((x, i) => (
            <text
              key={`x${JSON.stringify(x)}`}
              x={pad.l + cw * i + cw / 2}
              y={pad.t + ch * data.ys.length + 16}
              textAnchor="middle"
              className="axis-text"
            >
              {showValue(x)}
            </text>
          ))}
          <text x={pad.l + (cw * data.xs.length) / 2} y={H - 8} textAnchor="middle" className="axis-label">
            {xLabel}
          </text>
          <text x={4} y={pad.t + 10} className="axis-label">
            {yLabel}
          </text>
          {data.cells.map((c) => {
            const i = xi.get(JSON.stringify(c.x)) ?? 0;
            const j = yi.get(JSON.stringify(c.y)) ?? 0;
            const fill = heatColor(c.score);
            const x = pad.l + cw * i;
            const y = pad.t + ch * (data.ys.length - 1 - j);
            return (
              <g key={c.combo_id} className="pt-heat-cell" data-score={c.score}>
                <title>{`${xLabel} ${showValue(c.x)}, ${yLabel} ${showValue(c.y)}: ${pct(c.score)} (${ci(c.ci_low, c.ci_high)}) on ${c.cases} case${c.cases === 1 ? '' : 's'}${c.rung > 0 ? ` (rung ${c.rung})` : ''}${c.n > 1 ? `, best of ${c.n}` : ''}`}</title>
                <rect x={x + 1} y={y + 1} width={cw - 2} height={ch - 2} rx={3} fill={fill} />
                <text x={x + cw / 2} y={y + ch / 2 + 4} textAnchor="middle" fontSize={13} fill={textOn(fill)}>
                  {(c.score * 100).toFixed(0)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="swatch" style={{ background: heatColor(0) }} aria-hidden="true" /> 0 %
        </span>
        <span className="legend-item">
          <span className="swatch" style={{ background: heatColor(0.5) }} aria-hidden="true" /> 50 %
        </span>
        <span className="legend-item">
          <span className="swatch" style={{ background: heatColor(0.8) }} aria-hidden="true" /> 80 %
        </span>
        <span className="legend-item">
          <span className="swatch" style={{ background: heatColor(1) }} aria-hidden="true" /> 100 %
        </span>
        <span className="muted">cells show the overall score in %; hover for the 95 % CI</span>
      </figcaption>
      <details className="ptuner-alt-table">
        <summary>Heatmap as a table</summary>
        <TableWrap label="Heatmap scores">
          <table className="table" data-testid="pt-heatmap-table">
            <caption>
              Overall score by {yLabel} (rows) and {xLabel} (columns)
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  {yLabel} \ {xLabel}
                </th>
                {data.xs.map((x) => (
                  <th key={JSON.stringify(x)} scope="col" className="num">
                    {showValue(x)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...data.ys].reverse().map((y) => (
                <tr key={JSON.stringify(y)}>
                  <th scope="row">{showValue(y)}</th>
                  {data.xs.map((x) => {
                    const c = cell(x, y);
                    return (
                      <td key={JSON.stringify(x)} className="num">
                        {c ? (
                          onSelect ? (
                            <button type="button" className="btn-link" onClick={() => onSelect(c.combo_id)}>
                              {pct(c.score)}
                            </button>
                          ) : (
                            pct(c.score)
                          )
                        ) : (
                          '—'
                        )}
                        {c && c.ci_low !== null && (
                          <span className="muted small">
                            {' '}
                            [{pct(c.ci_low, 0)}–{pct(c.ci_high, 0)}]
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
