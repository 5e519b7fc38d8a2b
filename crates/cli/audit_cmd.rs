//! `grdp audit`: do the targets hang together, and what do they imply?

use grdp_core::audit::{Check, CheckStatus, NotApplicable};
use grdp_scenario::LoadedScenario;
use serde::Serialize;

use crate::args::{CommonArgs, Format};
use crate::output::{csv_text, emit, json};
use crate::table::Table;
use grdp_report::Lang;
use grdp_report::findings::message;

/// The JSON document of `grdp audit` (contract in docs/json.md).
#[derive(Serialize)]
struct AuditJson<'a> {
    scenario: &'a str,
    checks: Vec<CheckJson<'a>>,
    not_applicable: &'a [NotApplicable],
}

#[derive(Serialize)]
struct CheckJson<'a> {
    #[serde(flatten)]
    check: &'a Check,
    message: String,
}

/// The JSON document of `grdp audit`.
pub fn document(
    loaded: &LoadedScenario,
    audit: &grdp_core::Audit,
    lang: Lang,
) -> anyhow::Result<serde_json::Value> {
    Ok(serde_json::to_value(AuditJson {
        scenario: &loaded.meta.name,
        checks: audit
            .checks
            .iter()
            .map(|c| CheckJson {
                check: c,
                message: message(c, loaded, lang),
            })
            .collect(),
        not_applicable: &audit.not_applicable,
    })?)
}

pub fn run(args: &CommonArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario)?;
    let s = &loaded.scenario;
    let projection = s.project();
    crate::project_cmd::check_finite(&projection)?;
    let audit = s.audit(&projection);
    let text = match args.format {
        Format::Json => json(&document(&loaded, &audit, args.lang())?)?,
        Format::Csv => csv(&audit.checks)?,
        Format::Table => table(&loaded, &audit.checks, &audit.not_applicable, args.lang()),
    };
    emit(&text, args.output.as_deref())
}

/// Long format: one row per figure, `check,year,status,figure,value`.
pub fn csv(checks: &[Check]) -> anyhow::Result<String> {
    let mut rows = Vec::new();
    for c in checks {
        let value = serde_json::to_value(c)?;
        let mut figures = Vec::new();
        flatten("", &value, &mut figures);
        for (figure, v) in figures {
            if matches!(figure.as_str(), "id" | "year" | "status") {
                continue;
            }
            rows.push(vec![
                c.id.as_str().to_string(),
                c.year.to_string(),
                status_word(c.status).to_string(),
                figure,
                v,
            ]);
        }
    }
    csv_text(&["check", "year", "status", "figure", "value"], &rows)
}

fn status_word(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Pass => "pass",
        CheckStatus::Warn => "warn",
        CheckStatus::Fail => "fail",
    }
}

/// Flattens JSON into `path = value` pairs; arrays of objects with an `id`
/// (or a `year`) are keyed by it: `components.services.price_growth_pct`.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                flatten(&join(k), x, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let key = x
                    .get("id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .or_else(|| x.get("year").map(|y| y.to_string()))
                    .unwrap_or_else(|| i.to_string());
                let inner: Value = match x {
                    Value::Object(m) => Value::Object(
                        m.iter()
                            .filter(|(k, _)| k.as_str() != "id" && k.as_str() != "year")
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect(),
                    ),
                    other => other.clone(),
                };
                flatten(&join(&key), &inner, out);
            }
        }
        Value::Null => out.push((prefix.to_string(), String::new())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

fn table(
    loaded: &LoadedScenario,
    checks: &[Check],
    not_applicable: &[NotApplicable],
    lang: Lang,
) -> String {
    let l = lang.labels();
    let mut out = format!("{}: {}\n\n", l.audit_of, lang.scenario_name(loaded));
    let mut t = Table::new([l.check, l.year, l.status]).text_column(2);
    for c in checks {
        t.row(vec![
            c.id.as_str().to_string(),
            c.year.to_string(),
            status_label(c.status, lang).to_string(),
        ]);
    }
    out.push_str(&t.render());
    for c in checks {
        out.push_str(&format!(
            "\n[{}] {} {}\n{}\n",
            status_label(c.status, lang),
            c.id.as_str(),
            c.year,
            wrap(&message(c, loaded, lang), 100)
        ));
    }
    if !not_applicable.is_empty() {
        out.push_str(&format!("\n{}:\n", l.not_applicable));
        for n in not_applicable {
            out.push_str(&format!("  {} ({:?})\n", n.id.as_str(), n.reason));
        }
    }
    out
}

fn status_label(s: CheckStatus, lang: Lang) -> &'static str {
    let l = lang.labels();
    match s {
        CheckStatus::Pass => l.pass,
        CheckStatus::Warn => l.warn,
        CheckStatus::Fail => l.fail,
    }
}

/// Wraps text at `width` characters, indenting by two spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for word in text.split_whitespace() {
        if line.chars().count() + 1 + word.chars().count() > width && !line.trim().is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out
}
