// The brief's stylesheet: screen and print, one A4 page, TLP 2.0 label colours (text on black), CJK-capable fonts.
export const BRIEF_CSS = `
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK TC", "WenQuanYi Micro Hei", sans-serif; font-size: 8.6pt;
  line-height: 1.3; color: #111; margin: 0 auto; max-width: 186mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 13pt; margin: 0 0 1mm; }
h2 { font-size: 9.4pt; margin: 2.5mm 0 1mm; border-bottom: 0.3mm solid #999; padding-bottom: 0.4mm; }
header { position: relative; }
header .tlp { position: absolute; right: 0; top: 0; }
.sub { margin: 0; color: #444; font-size: 7.6pt; }
.tlp { display: inline-block; background: #000; font-weight: bold; padding: 0.6mm 2mm; font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.tlp-clear { color: #fff; } .tlp-green { color: #33ff00; } .tlp-amber, .tlp-amber-strict { color: #ffc000; } .tlp-red { color: #ff2b2b; }
.bottom { border: 0.5mm solid #666; border-left-width: 3mm; padding: 1mm 3mm 2mm; margin-top: 2mm; }
.bottom h2 { border: none; margin-top: 1mm; }
.bottom .level { font-size: 14pt; font-weight: bold; margin: 0; }
.bottom .sentence { font-size: 10pt; margin: 1mm 0 0; }
.level-1 { border-color: #2e7d32; } .level-2 { border-color: #0277bd; } .level-3 { border-color: #f9a825; }
.level-4 { border-color: #e65100; } .level-5 { border-color: #b71c1c; }
.knowledge-degraded, .knowledge-unknown { border-color: #7b1fa2;
  background: repeating-linear-gradient(135deg, #f6eefa 0 3mm, #fff 3mm 6mm); }
.columns { display: grid; grid-template-columns: 1.15fr 1fr; gap: 5mm; }
table { border-collapse: collapse; width: 100%; font-size: 7.8pt; }
th, td { text-align: left; padding: 0.4mm 1mm; border-bottom: 0.2mm solid #ddd; vertical-align: top; }
th { font-weight: 600; color: #333; }
.n, .nw { text-align: right; white-space: nowrap; }
.nw { text-align: left; }
tr.lead td { font-weight: bold; }
ul { margin: 0; padding-left: 4mm; }
li { margin: 0.3mm 0; }
.event { margin: 1mm 0 0; font-weight: 600; }
.none { color: #555; margin: 0; }
.gaps li b, .gap { color: #7b1fa2; }
.signal { font-weight: bold; color: #b71c1c; }
.shows { color: #444; font-size: 7.4pt; }
footer { margin-top: 2mm; font-size: 7.2pt; color: #333; }
footer p { margin: 0.4mm 0; }
footer .tlp { margin-top: 1mm; }
@media print { body { max-width: none; } }
`;
