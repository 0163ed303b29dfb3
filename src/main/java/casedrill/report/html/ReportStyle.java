package casedrill.report.html;

/**
 * The report's only style sheet, inline: system fonts (nothing to download), contrast of at least
 * 4.5:1 for text, verdict colours that are also spelt out in words, and print rules so the browser's
 * "print to PDF" gives a readable document (no cut charts or table rows).
 */
final class ReportStyle {
    static final String CSS = """
            :root{color-scheme:light}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff;
              max-width:1000px;margin:0 auto;padding:1.5rem;line-height:1.45}
            h1{font-size:1.8rem;margin:.2rem 0}h2{border-bottom:2px solid #444;padding-bottom:.2rem;margin-top:2rem}
            table{border-collapse:collapse;margin:.6rem 0;width:100%}caption{text-align:left;font-weight:600;padding:.3rem 0}
            th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}thead th{background:#e8e8e8}
            code{font-family:"DejaVu Sans Mono",monospace;font-size:.92em;word-break:break-all}
            .verdict{display:inline-block;padding:.1rem .6rem;border:2px solid;border-radius:.3rem;font-weight:700}
            .PASS{color:#0b5d1e;background:#e3f4e6}.FAIL{color:#8a0014;background:#fde7ea}.UNKNOWN{color:#5c4400;background:#fff4cc}
            .cover{border:2px solid #444;padding:1rem 1.2rem;margin-bottom:1rem}.cover dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem .8rem}
            .cover dt{font-weight:600}.cover dd{margin:0}
            figure{margin:1rem 0;break-inside:avoid}figcaption{font-size:.95rem;color:#333}
            svg.chart{border:1px solid #bbb;background:#fff}svg .plot{fill:none;stroke:#555}svg .grid{stroke:#ddd}
            svg .tick{font-size:12px;fill:#333}svg .nodata{font-size:16px;fill:#444;font-style:italic}
            svg .band-fault{fill:#d32f2f;fill-opacity:.16}svg .band-runbook{fill:#1565c0;fill-opacity:.16}svg .leader{fill:#1b5e20}svg .writable{fill:#e65100}
            @media print{body{max-width:none;padding:0;font-size:10.5pt}h2{break-after:avoid}tr,figure,.cover{break-inside:avoid}
              a{color:inherit;text-decoration:none}section{break-inside:auto}}
            """;

    private ReportStyle() {
    }
}
