/**
 * The page's stylesheet, inlined into the page: system fonts with CJK fallbacks, a light and a
 * dark palette (text contrast at least 4.5:1), two columns from 960px, one below.
 * @example
 * `<style>${PAGE_STYLE}</style>`
 * @since 0.1.0
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --panel: #fff; --text: #1c2128; --muted: #57606a; --line: #c8d0d9; --soft: #eef1f4;
  --accent: #0a5cc2; --focus: #0a5cc2;
  --added: #1a7f37; --added-bg: #e8f6ec; --renamed: #7a3fd1; --renamed-bg: #f3edfc;
  --moved: #0a5cc2; --moved-bg: #e8f1fd; --leaders: #8a5a00; --leaders-bg: #fdf3d8;
  --reclassified: #9c3d86; --reclassified-bg: #faecf6;
  --attributes: #0b6e76; --attributes-bg: #e3f4f5; --ended: #c01f2b; --ended-bg: #fcebec;
  --sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK TC', 'Noto Sans TC',
    'PingFang TC', 'Hiragino Sans', 'Microsoft JhengHei', sans-serif;
  --cjk: 'Noto Sans CJK TC', 'Noto Sans TC', 'PingFang TC', 'Hiragino Sans', 'Microsoft JhengHei', var(--sans);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1217; --panel: #171b22; --text: #e6e9ee; --muted: #a3adb8; --line: #3a434f; --soft: #222831;
    --accent: #6cb0ff; --focus: #8cc2ff;
    --added: #5fd07f; --added-bg: #12301d; --renamed: #c4a2ff; --renamed-bg: #2a1f42;
    --moved: #79b8ff; --moved-bg: #13284a; --leaders: #f0c35a; --leaders-bg: #3a2d0c;
    --reclassified: #f09ad8; --reclassified-bg: #3b1632;
    --attributes: #5fd3dc; --attributes-bg: #0e3236; --ended: #ff8a8f; --ended-bg: #3d1518;
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body {
  background: var(--bg); color: var(--text); font: 15px/1.5 var(--sans);
  min-height: 100vh; display: flex; flex-direction: column;
}
:lang(zh), :lang(ja), :lang(ko) { font-family: var(--cjk); }
h1, h2, h3 { margin: 0; line-height: 1.25; }
code { font: 12px/1.4 ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
button, input, select { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
input[type='range']:focus-visible { outline-width: 2px; outline-offset: 3px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.top { display: flex; align-items: center; gap: 16px; padding: 14px 24px; background: var(--panel); border-bottom: 1px solid var(--line); }
.top h1 { font-size: 20px; }
.top .meta { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.top .lang { margin-left: auto; display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; white-space: nowrap; }
select, input[type='date'] { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }

.controls {
  position: sticky; top: 0; z-index: 2; display: grid; grid-template-columns: minmax(180px, auto) 1fr auto; gap: 8px 24px;
  align-items: center; padding: 12px 24px 22px; background: var(--panel); border-bottom: 1px solid var(--line);
  box-shadow: 0 2px 6px rgb(0 0 0 / 0.05);
}
.when output { display: block; font-size: 26px; font-weight: 700; letter-spacing: 0.01em; font-variant-numeric: tabular-nums; }
.when #position { color: var(--muted); font-size: 13px; }
.slider-row { display: flex; align-items: center; gap: 10px; min-width: 0; }
.slider { position: relative; flex: 1; min-width: 0; }
.slider input { width: 100%; margin: 0; accent-color: var(--accent); height: 24px; cursor: pointer; }
.ticks { position: absolute; left: 8px; right: 8px; top: 24px; height: 18px; }
.tick {
  position: absolute; transform: translateX(-50%); border: 0; background: none; padding: 0 2px; cursor: pointer;
  color: var(--muted); font-size: 11.5px; white-space: nowrap; font-variant-numeric: tabular-nums;
}
.tick::before { content: ''; display: block; width: 1px; height: 4px; margin: 0 auto 1px; background: var(--line); }
.tick.current { color: var(--accent); font-weight: 700; }
.step {
  border: 1px solid var(--line); background: var(--panel); border-radius: 6px; padding: 5px 12px; cursor: pointer; white-space: nowrap;
}
.step:hover:not(:disabled) { border-color: var(--accent); color: var(--accent); }
.step:disabled { opacity: 0.45; cursor: default; }
.pick { display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; white-space: nowrap; }

.layout { flex: 1; display: grid; grid-template-columns: minmax(0, 1.55fr) minmax(0, 1fr); gap: 20px; padding: 20px 24px; align-items: start; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; min-width: 0; }
.panel-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 16px; margin-bottom: 12px; }
.panel-head h2 { font-size: 16px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0; padding: 0; list-style: none; font-size: 12px; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: 5px; }
.swatch { width: 12px; height: 12px; border-radius: 3px; border-left: 4px solid; }
.empty { color: var(--muted); }

.tree, .branch { list-style: none; margin: 0; padding: 0; }
.branch { margin-left: 14px; }
.branch > li { position: relative; padding: 5px 0 0 22px; }
.branch > li::before { content: ''; position: absolute; left: 0; top: 0; bottom: 0; border-left: 1.5px solid var(--line); }
.branch > li:last-child::before { bottom: auto; height: 24px; }
.branch > li::after { content: ''; position: absolute; left: 0; top: 24px; width: 18px; border-top: 1.5px solid var(--line); }
.unit {
  display: inline-block; max-width: 100%; min-width: 220px; background: var(--panel); border: 1px solid var(--line);
  border-left-width: 4px; border-radius: 8px; padding: 5px 12px;
}
.unit-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 8px; }
.toggle {
  align-self: center; min-width: 22px; height: 22px; padding: 0 5px; margin-left: -4px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--panel); color: var(--muted); font-size: 12px; line-height: 1; cursor: pointer;
}
.toggle:hover { color: var(--accent); border-color: var(--accent); }
.tree-tools { margin-left: auto; display: flex; gap: 6px; order: 1; }
.panel-head .legend { order: 2; flex-basis: 100%; }
.step.small { padding: 1px 8px; font-size: 12px; }
.name .primary { font-weight: 650; }
.name .en { color: var(--muted); margin-left: 6px; font-size: 0.9em; }
.unit .name .primary { font-size: 15.5px; }
.kind { font-size: 11.5px; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 7px; }
.leaders { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13px; }
.leader .role { color: var(--muted); font-size: 12px; }
.leader .name .primary { font-weight: 500; }
.leader-added, .leader-updated { background: var(--leaders-bg); box-shadow: 0 0 0 1px var(--leaders); border-radius: 4px; padding: 0 5px; }
.leader-removed { opacity: 0.8; }
.leader-removed del { text-decoration-thickness: 1.5px; }
.tag { margin-left: 5px; font-size: 11px; font-weight: 600; border: 1px dashed currentColor; border-radius: 4px; padding: 0 4px; color: var(--leaders); }
.badge { font-size: 11px; font-weight: 700; border-radius: 4px; padding: 0 6px; text-transform: uppercase; letter-spacing: 0.03em; }
.attributes { font-size: 12.5px; color: var(--muted); }
.attributes summary { cursor: pointer; width: max-content; }
.attributes dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 4px 0 2px; }
.attributes dt { font-weight: 600; }
.attributes dd { margin: 0; color: var(--text); }

.unit.changed, .ended-unit.changed { box-shadow: 0 1px 4px rgb(0 0 0 / 0.08); }
.unit { scroll-margin-top: calc(var(--controls-height, 100px) + 56px); }
${['added', 'renamed', 'moved', 'reclassified', 'leaders', 'attributes', 'ended']
  .map(
    (k) =>
      `.mark-${k} { border-color: var(--${k}); background: var(--${k}-bg); }\n` +
      `.badge-${k} { color: var(--${k}); background: var(--panel); border: 1px solid var(--${k}); }\n` +
      `.swatch-${k} { border-color: var(--${k}); background: var(--${k}-bg); }`,
  )
  .join('\n')}

.unit.planned { border-style: dashed; border-width: 2px; background-image: repeating-linear-gradient(135deg, transparent 0 8px, rgb(127 127 127 / 0.06) 8px 16px); }
.badge-planned { color: var(--muted); background: var(--panel); border: 1px dashed var(--muted); }
.swatch-planned { border: 2px dashed var(--muted); background: transparent; }
.tick.planned span { font-style: italic; border-bottom: 1px dashed currentColor; }
.plan-toggle { display: flex; align-items: center; gap: 6px; font-size: 13px; margin-right: 12px; }

.ended { margin-top: 18px; border-top: 1px solid var(--line); padding-top: 10px; }
.ended summary { cursor: pointer; }
.ended h3 { display: inline; font-size: 14px; }
.count { color: var(--muted); font-weight: 500; }
.ended ul { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 4px; }
.ended-unit { border-left: 4px solid var(--line); border-radius: 6px; padding: 3px 10px; font-size: 13.5px; }
.ended-unit .how { color: var(--muted); }
.ended-unit .how .name .primary { font-weight: 500; color: var(--text); }
.ended-unit .badge { margin-left: 8px; }

.events-panel h2 { font-size: 16px; margin-bottom: 4px; }
.reorg { margin-top: 10px; }
.reorg h3 { font-size: 13px; color: var(--muted); font-weight: 600; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.reorg h3 code { color: var(--text); font-size: 13px; }
.announced { font-weight: 400; }
.events { list-style: none; margin: 6px 0 0; padding: 0; display: grid; gap: 8px; }
.event { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.event-head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.type { font-size: 11.5px; font-weight: 700; color: var(--accent); background: var(--soft); border-radius: 4px; padding: 0 6px; }
.event-id { color: var(--muted); overflow-wrap: anywhere; }
.summary { margin: 3px 0 2px; }
.summary .name .primary { font-weight: 600; }
.summary .name .en { margin-left: 3px; }
.summary .name .en::before { content: '('; } .summary .name .en::after { content: ')'; }
.sources {
  margin: 6px 0 8px; padding: 8px 10px 8px 30px; font-size: 12.5px; color: var(--muted); display: grid; gap: 2px;
  background: var(--soft); border-radius: 8px;
}
.source::marker { font-weight: 700; color: var(--text); }
.refs { margin: 2px 0 0; font-size: 12px; color: var(--muted); display: flex; align-items: center; gap: 4px; }
.ref {
  display: inline-grid; place-items: center; min-width: 18px; height: 18px; border-radius: 999px; padding: 0 4px;
  background: var(--soft); color: var(--text); font-weight: 700; font-size: 11px; cursor: help;
}
.source cite { font-style: normal; color: var(--text); }
.source a { color: var(--accent); }
.source .publisher::before, .source .published::before { content: ' · '; }
.note { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
.note summary { cursor: pointer; width: max-content; }
.note p { margin: 2px 0 0; }
button.link { border: 0; background: none; padding: 0; color: var(--accent); text-decoration: underline; cursor: pointer; }
footer { padding: 0 24px 16px; color: var(--muted); font-size: 12px; }

@media (min-width: 961px) {
  .events-panel { position: sticky; top: calc(var(--controls-height, 100px) + 16px); max-height: calc(100vh - var(--controls-height, 100px) - 32px); overflow: auto; }
}
@media (max-width: 960px) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 12px; gap: 12px; }
  .controls { grid-template-columns: 1fr; padding: 10px 12px 12px; gap: 6px; }
  .slider-row { margin-bottom: 22px; }
  .top { padding: 10px 12px; flex-wrap: wrap; }
  .when output { font-size: 22px; }
  .unit { min-width: 0; }
}
@media (max-width: 600px) {
  .tick span { display: none; }
  .tick.current span, .tick:first-child span, .tick:last-child span { display: inline; }
  .branch { margin-left: 4px; }
  .branch > li { padding-left: 14px; }
  .branch > li::after { width: 11px; }
}
`
