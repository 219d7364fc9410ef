package io.wgdiag.analysis.html;

/** The page's one style sheet, inline: dark text on white, a print layout, no web fonts. */
final class Style {
  private Style() {}

  static final String CSS = """

      :root{color-scheme:light}
      *{box-sizing:border-box}
      body{margin:0 auto;max-width:980px;padding:1.5rem 1.25rem 3rem;background:#fff;color:#1b1b1b;
        font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
      h1{font-size:1.7rem;margin:0 0 .5rem}
      h2{font-size:1.35rem;margin:2.2rem 0 .7rem;padding-bottom:.25rem;border-bottom:2px solid #d0d4d9}
      h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
      h4{font-size:.95rem;margin:1rem 0 .3rem;text-transform:uppercase;letter-spacing:.04em;color:#37414b}
      h5{font-size:.85rem;margin:.5rem 0 .15rem;color:#37414b}
      a{color:#0b4f9c}
      code,pre{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.86em}
      pre.cmd{background:#f3f5f7;border:1px solid #c9d0d7;border-radius:4px;padding:.5rem .7rem;margin:.1rem 0 .4rem;
        white-space:pre-wrap;word-break:break-all;user-select:all}
      dl.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.6rem;margin:.3rem 0 0;color:#37414b}
      dl.facts div{display:flex;gap:.4rem}
      dl.facts dt{font-weight:600}
      dl.facts dd{margin:0}
      nav{border:1px solid #d0d4d9;border-radius:6px;padding:.4rem 1rem .6rem;margin-top:1.2rem;background:#fafbfc}
      nav .nav-title{font-size:1rem;border:0;margin:.4rem 0 .2rem;padding:0}
      nav ol{margin:.2rem 0;padding-left:1.4rem}
      nav ol ol{font-size:.92em;columns:2 18rem;column-gap:2rem}
      .badge{display:inline-block;font-size:.75rem;font-weight:700;letter-spacing:.05em;padding:.05rem .45rem;
        border:2px solid currentColor;border-radius:3px;vertical-align:.1em;background:#fff}
      .verdict{border-left:8px solid #5f6b76;background:#f4f6f8;padding:.3rem 1.1rem .6rem;border-radius:4px;margin-top:1.4rem}
      .verdict h2{border:0;margin-top:.6rem}
      .verdict-line{font-size:1.2rem;font-weight:600}
      .finding{border:1px solid #d0d4d9;border-left:8px solid #5f6b76;border-radius:4px;padding:.2rem 1.1rem .7rem;margin:1rem 0}
      .sev-critical{border-left-color:#b71c1c}.sev-critical .badge{color:#b71c1c}
      .verdict.sev-critical{background:#fdeeee}
      .sev-warning{border-left-color:#b45309}.sev-warning .badge{color:#8a4b00}
      .verdict.sev-warning{background:#fff5e6}
      .sev-info{border-left-color:#1565c0}.sev-info .badge{color:#0d47a1}
      .sev-ok{border-left-color:#2e7d32}.sev-ok .badge{color:#1b5e20}
      .verdict.sev-ok{background:#eef7ee}
      .meta{color:#4a5560;margin:.1rem 0 .5rem}
      table{border-collapse:collapse;width:100%;margin:.3rem 0 .6rem;font-size:.9em}
      th,td{border:1px solid #d0d4d9;padding:.25rem .5rem;text-align:left;vertical-align:top}
      th{background:#f0f2f4}
      td code{word-break:break-all}
      table.evidence td:first-child{width:34%}
      code.line{display:inline-block;margin-top:.15rem;padding:0 .3rem;background:#f3f5f7;color:#2b3640;white-space:pre-wrap}
      .action{margin:.2rem 0 .4rem}
      .action p{margin:.2rem 0}
      .explains{color:#37414b}
      figure{margin:1.2rem 0 1.8rem;padding:0}
      .chart-box{overflow-x:auto}
      svg.chart{display:block;max-width:100%;height:auto;font-family:inherit}
      svg.chart text{fill:#1b1b1b;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
      svg.chart .grid{stroke:#e3e6e9;stroke-width:1}
      svg.chart .axis{stroke:#5f6b76;stroke-width:1}
      svg.chart .marker{stroke:#1b1b1b;stroke-width:2}
      svg.chart .dashed{stroke-dasharray:6 4}
      svg.chart .whisker{stroke:#1b1b1b;stroke-width:1.5}
      figcaption{color:#37414b;margin:.3rem 0}
      details{margin:.2rem 0}
      summary{cursor:pointer;color:#0b4f9c}
      .not-assessed{margin:.6rem 0 .9rem}
      .not-assessed p{margin:.2rem 0}
      ul.ruled-out li{margin:.2rem 0}
      footer{margin-top:2.5rem;border-top:1px solid #d0d4d9;color:#4a5560;font-size:.85rem}
      @media print{
        body{max-width:none;padding:0;font-size:10.5pt}
        nav,details summary{display:none}
        a{color:inherit;text-decoration:none}
        h2{break-after:avoid}
        .finding,figure,.not-assessed,pre.cmd{break-inside:avoid}
        .verdict,.finding,pre.cmd,th{print-color-adjust:exact;-webkit-print-color-adjust:exact}
        details{display:none}
      }
      """;
}
