/** The page's styles: inline, no fonts or images fetched; print = A4 landscape, one branch per page. */
export const style = String.raw`
:root { --met: #2e9d5b; --unmet: #d43d3d; --pending: #e9a23b; --na: #d9dde3; --ink: #1d2733; --mute: #687385; --line: #e3e6ea; --accent: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #f6f7f9; }
header { background: var(--accent); color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 2px 0 0; opacity: .9; }
nav { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: 0 24px; display: flex; gap: 4px; flex-wrap: wrap; }
nav a { padding: 10px 14px; color: var(--ink); text-decoration: none; border-bottom: 3px solid transparent; }
nav a.on { border-color: var(--accent); font-weight: 600; }
main { padding: 16px 24px 48px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin-bottom: 16px; }
section h2 { margin: 0 0 12px; font-size: 17px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; margin-bottom: 16px; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.tile b { display: block; font-size: 24px; }
.tile span { color: var(--mute); }
.tile.error b { color: var(--unmet); } .tile.warning b { color: #b7791f; } .tile.pending b { color: var(--pending); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f6; font-weight: 600; position: sticky; top: 41px; }
.findings td:nth-child(-n+4) { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a.branch { color: #1f5fa8; cursor: pointer; text-decoration: none; }
a.branch:hover { text-decoration: underline; }
.muted { color: var(--mute); }
.sev-error { color: var(--unmet); font-weight: 600; } .sev-warning { color: #b7791f; } .st-pending { color: var(--pending); }
.filters { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 10px; align-items: center; }
.filters select, .filters input { padding: 4px 6px; border: 1px solid #c7ccd3; border-radius: 4px; font: inherit; }
button { font: inherit; padding: 4px 12px; border: 1px solid #c7ccd3; border-radius: 4px; background: #fff; cursor: pointer; }
.legend { display: flex; gap: 14px; margin-bottom: 10px; flex-wrap: wrap; }
.legend i { display: inline-block; }
.legend i { width: 14px; height: 14px; border-radius: 3px; vertical-align: -2px; margin-right: 4px; }
.lazy { content-visibility: auto; }
.hm { width: auto; margin-bottom: 14px; }
.hm th, .hm td { border: 0; padding: 0; }
.hm th { position: static; background: none; font-weight: normal; color: var(--mute); font-size: 12px; text-align: center; padding: 0 1px; }
.hm td.name { padding: 0 10px 0 0; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; font-size: 13px; }
.hm td.cell { height: 20px; min-width: 30px; border: 2px solid #fff; border-radius: 4px; cursor: default; }
.s-met, .legend .s-met { background: var(--met); } .s-unmet, .legend .s-unmet { background: var(--unmet); }
.s-pending, .legend .s-pending { background: var(--pending); } .s-na, .legend .s-na { background: var(--na); }
.hm caption { text-align: left; font-weight: 600; padding: 4px 0; }
#tip { position: fixed; z-index: 20; max-width: 420px; background: #1d2733; color: #fff; padding: 8px 10px; border-radius: 6px; font-size: 13px; pointer-events: none; display: none; white-space: pre-line; }
.more { margin-top: 8px; }
.bar { fill: #1f5fa8; } .bar.lost { fill: var(--unmet); }
svg text { font-size: 12px; fill: var(--ink); }
.sheet td.cat { font-weight: 600; background: #f7f8fa; }
.branch-head { display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
.branch-head .total { font-size: 28px; font-weight: 700; }
.veto { color: var(--unmet); font-weight: 600; }
.hidden { display: none !important; }
body.branch-mode #overview, body.branch-mode #heatmap, body.branch-mode #findings { display: none; }
#print-all { display: none; }
@media (max-width: 700px) { main { padding: 8px; } nav { padding: 0 8px; } .hm td.name { max-width: 120px; } }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  nav, .filters, button, .more, #tip { display: none !important; }
  header { background: none; color: #000; padding: 0 0 6px; border-bottom: 2px solid #000; }
  section { border: 0; padding: 0; }
  th { position: static; }
  .branch-page { break-after: page; page-break-after: always; }
  .branch-page:last-child { break-after: auto; page-break-after: auto; }
  body.printing-all main > :not(#print-all) { display: none !important; }
  body.printing-all #print-all { display: block; }
  .lazy { content-visibility: visible; }
  .hm td.cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
