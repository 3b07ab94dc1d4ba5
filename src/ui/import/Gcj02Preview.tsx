import type { Gcj02Preview as Preview } from '../../io/types';

/** One placement of a layer in the preview window: its lines, the atlas's places, a 500 m grid. */
export function Gcj02PreviewPane({ preview, placement, title }: { preview: Preview; placement: 'asRead' | 'converted'; title: string }) {
  const paths = preview[placement];
  const gridStep = (500 / preview.widthM) * 100;
  const grid: number[] = [];
  for (let v = 50 - 2 * gridStep; v <= 100; v += gridStep) if (v >= 0) grid.push(v);
  return (
    <figure className="gcj-pane">
      <svg viewBox="0 0 100 100" role="img" aria-label={title}>
        <rect x="0" y="0" width="100" height="100" className="gcj-bg" />
        {grid.map((v) => (
          <g key={v} className="gcj-grid">
            <line x1={v} y1={0} x2={v} y2={100} />
            <line x1={0} y1={v} x2={100} y2={v} />
          </g>
        ))}
        {paths.map((p, i) =>
          p.length === 1 ? (
            <circle key={i} cx={p[0]![0]} cy={p[0]![1]} r={1.8} className="gcj-point" />
          ) : (
            <polyline key={i} points={p.map((q) => q.join(',')).join(' ')} className="gcj-line" />
          ),
        )}
        {preview.references.map((r) => (
          <g key={r.name} className="gcj-ref">
            <path d={`M${r.at[0] - 2.5},${r.at[1]} h5 M${r.at[0]},${r.at[1] - 2.5} v5`} />
            <text x={r.at[0] + 3} y={r.at[1] - 2}>
              {r.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
