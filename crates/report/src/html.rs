//! The offline page: every chart with what it shows and what it means,
//! the audit's findings and the tables. No scripts, no network.

use crate::findings::message;
use crate::text::Words;
use crate::{Chart, ReportInput};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page (`index.html`) for `charts`.
pub fn page(input: &ReportInput, charts: &[Chart], extra_files: &[&str]) -> String {
    let w = Words::new(input);
    let p = w.page();
    let lang = if input.lang == crate::Lang::Vi {
        "vi"
    } else {
        "en"
    };
    let mut h = String::new();
    h += &format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
        esc(&w.page_title()),
        CSS
    );
    h += &format!(
        "<h1>{}</h1>\n<p class=\"source\">{}</p>\n",
        esc(&w.page_title()),
        esc(&w.source())
    );
    h += &format!(
        "<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
        esc(&p.summary),
        esc(&w.headline())
    );

    // Views table.
    h += &format!(
        "<h3>{}</h3>\n<table>\n<tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>",
        esc(&p.views),
        esc(&p.view),
        esc(&p.probability),
        esc(&p.interval)
    );
    let with_opt = input.views.iter().any(|v| v.with_optimism.is_some());
    if with_opt {
        h += &format!("<th class=\"n\">{}</th>", esc(&p.with_optimism));
    }
    h += "</tr>\n";
    for v in &input.views {
        let r = v.result;
        h += &format!(
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{} – {}</td>",
            esc(&v.name),
            w.num(r.probability, 3),
            w.num(r.probability_ci95[0], 3),
            w.num(r.probability_ci95[1], 3)
        );
        if with_opt {
            h += &format!(
                "<td class=\"n\">{}</td>",
                v.with_optimism
                    .map_or(String::new(), |o| w.num(o.probability, 3))
            );
        }
        h += "</tr>\n";
    }
    h += "</table>\n";
    if let Some(records) = input.records {
        let mut note = input.lang.record_lines(records);
        for v in input.views.iter().filter(|v| v.optimism_overlaps) {
            note += &input.lang.record_overlap_line(&v.name);
        }
        for line in note.lines() {
            h += &format!("<p class=\"source\">{}</p>\n", esc(line));
        }
    }

    h += &format!("<h2>{}</h2>\n", esc(&p.charts));
    for c in charts {
        h += &format!(
            "<figure>\n<h3>{}</h3>\n<img src=\"{}\" alt=\"{}\" width=\"1200\">\n<figcaption>{}</figcaption>\n</figure>\n",
            esc(&c.title),
            c.file,
            esc(&c.title),
            esc(&c.caption)
        );
    }

    h += &format!("<h2>{}</h2>\n<ul class=\"audit\">\n", esc(&p.audit));
    for c in &input.audit.checks {
        let class = match c.status {
            grdp_core::CheckStatus::Pass => "pass",
            grdp_core::CheckStatus::Warn => "warn",
            grdp_core::CheckStatus::Fail => "fail",
            grdp_core::CheckStatus::Understated => "warn",
        };
        h += &format!(
            "<li><span class=\"badge {class}\">{}</span> <code>{}</code> {}: {}</li>\n",
            esc(&w.status(c.status)),
            c.id.as_str(),
            c.year,
            esc(&message(c, input.loaded, input.lang))
        );
    }
    h += "</ul>\n";

    h += &format!(
        "<h2>{}</h2>\n<h3>{}</h3>\n<table>\n",
        esc(&p.tables),
        esc(&p.targets)
    );
    let l = input.lang.labels();
    h += &format!(
        "<tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>\n",
        esc(&p.target),
        esc(l.year),
        esc(&p.bound),
        esc(l.met_when),
        esc(&p.projected),
        esc(l.status),
        esc(l.margin),
        esc(&p.p_met),
    );
    let main = input.views[0].result;
    for o in input.target_outcomes {
        let prob = main
            .targets
            .iter()
            .find(|t| t.id == o.target.id)
            .and_then(|t| t.probability);
        let decimals = if o.target.indicator == grdp_core::Indicator::ShareCurrentPct {
            3
        } else {
            2
        };
        h += &format!(
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            esc(&w.target_label(&o.target)),
            o.target.year,
            esc(&input
                .lang
                .bound_text(&o.target.bound, decimals, crate::lang::BoundStyle::Tight)),
            esc(input.lang.direction(o.target.direction)),
            o.value.map_or("–".into(), |v| w.num(v, decimals)),
            esc(input.lang.target_status(o.status)),
            w.margin(o),
            prob.map_or("–".into(), |p| w.num(p, 3))
        );
    }
    h += "</table>\n";
    h += &format!(
        "<h3>{}</h3>\n<p>{}</p>\n<ul>\n",
        esc(&p.files),
        esc(&p.files_note)
    );
    for f in extra_files {
        h += &format!("<li><a href=\"{f}\">{f}</a></li>\n");
    }
    h += "</ul>\n</body>\n</html>\n";
    h
}

const CSS: &str = "body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; max-width: 1240px; margin: 2em auto; padding: 0 1em; color: #202020; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
.source { color: #707070; font-size: 0.9em; }
.lead { font-size: 1.1em; }
figure { margin: 1.5em 0 2.5em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
figcaption { margin-top: 0.5em; max-width: 1100px; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em 0; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.3em 0.8em; text-align: left; vertical-align: top; }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
ul.audit li { margin-bottom: 0.7em; }
.badge { display: inline-block; min-width: 5.5em; text-align: center; border-radius: 3px; padding: 0 0.4em; font-size: 0.85em; color: white; }
.badge.pass { background: #3a8a4a; } .badge.warn { background: #d08a10; } .badge.fail { background: #c44e52; }
code { font-size: 0.9em; color: #555; }";
