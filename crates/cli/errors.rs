//! Library errors in the command line's words: the libraries speak of
//! scenarios, views and components; the user typed `-n`, `--view`, `--component`.

use grdp_montecarlo::{McError, RunSetting};
use grdp_report::ReportError;
use grdp_study::{ComponentRole, StudyError, ViewRole};

use crate::UsageError;

/// A study's error, naming the flag the user typed where there is one.
/// Unknown views and components are usage errors (exit code 2), as clap's are.
pub fn in_flags(e: StudyError) -> anyhow::Error {
    match e {
        StudyError::NoGrowthTarget {
            year,
            years_with_targets,
            at_most_pct,
        } => {
            let has = if years_with_targets.is_empty() {
                String::new()
            } else {
                let years: Vec<String> = years_with_targets.iter().map(i32::to_string).collect();
                format!(
                    " (it has one for {}; choose it with --year)",
                    years.join(", ")
                )
            };
            let what = match at_most_pct {
                Some(m) => format!(
                    "the scenario's aggregate growth target for {year} is a ceiling only (at most {m}%), and a simulation gives the chance of at least a threshold"
                ),
                None => format!("the scenario has no aggregate growth target for {year}"),
            };
            UsageError(format!("{what}{has}; give one with --target PCT")).into()
        }
        StudyError::UnknownView { role, id, known } => UsageError(format!(
            "{} {id}: no such view; expected one of: {}",
            match role {
                ViewRole::Simulated => "--view",
                ViewRole::Preferred => "--preferred-view",
            },
            known.join(", ")
        ))
        .into(),
        StudyError::UnknownComponent { role, id, known } => {
            let known = known.join(", ");
            match role {
                ComponentRole::Feasibility => UsageError(format!(
                    "--feasibility {id}: no such component; expected one of: {known}"
                ))
                .into(),
                ComponentRole::Required => UsageError(format!(
                    "--required {id}: no such component; expected one of: {known}"
                ))
                .into(),
                ComponentRole::Solve => anyhow::anyhow!(
                    "--component: no such component `{id}`; expected one of: {known}"
                ),
            }
        }
        // The engine's own error, so that Ctrl-C and its settings are recognised.
        StudyError::Engine(e) => e.into(),
        other => other.into(),
    }
}

/// A report's error, naming `--force` where it would help.
pub fn report_in_flags(e: ReportError) -> anyhow::Error {
    match e {
        ReportError::NotAReport { path } => anyhow::anyhow!(
            "{} exists, holds files and is not an earlier grdp report; choose another folder, or pass --force to write the report into it (its files are kept)",
            path.display()
        ),
        other => other.into(),
    }
}

/// An error as the command line names things: the engine speaks of the
/// number of scenarios, the user typed `-n`.
pub fn display(e: &(dyn std::error::Error + 'static), lang: grdp_report::Lang) -> String {
    if lang == grdp_report::Lang::Vi
        && let Some(text) = in_vietnamese(e)
    {
        return text;
    }
    match e.downcast_ref::<McError>() {
        Some(McError::InvalidSetting { setting, message }) => {
            let flag = match setting {
                RunSetting::Scenarios if message.contains("at most") => {
                    return format!(
                        "-n: {message} (use --precision to stop when the answer is precise enough)"
                    );
                }
                RunSetting::Scenarios => "-n",
                RunSetting::Precision => "--precision",
                RunSetting::OptimismRecord => "--optimism-bias",
                RunSetting::Target => "--target",
                RunSetting::TargetYear => "--year",
                _ => return e.to_string(),
            };
            format!("{flag}: {message}")
        }
        _ => e.to_string(),
    }
}

/// The commonest errors in Vietnamese; `None` for the others, which stay
/// in English.
fn in_vietnamese(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    if let Some(load) = e.downcast_ref::<grdp_scenario::LoadError>()
        && let grdp_scenario::LoadErrorKind::Io(message) = load.kind.as_ref()
    {
        let why = if message.contains("No such file or directory") {
            "tệp không tồn tại; kiểm tra lại tên và thư mục"
        } else if message.contains("Permission denied") {
            "không có quyền đọc tệp"
        } else if message.contains("Is a directory") {
            "đây là một thư mục; cần tên một tệp"
        } else {
            return Some(format!("{}: không đọc được tệp: {message}", load.origin));
        };
        return Some(format!("{}: không đọc được tệp: {why}", load.origin));
    }
    None
}

/// A value clap refused (a decimal comma in --target, say), written in
/// Vietnamese under `--lang vi`: clap's own frame is English only. `None`
/// for other errors and languages, which clap prints itself.
pub fn clap_value_vi(e: &clap::Error, lang: grdp_report::Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang != grdp_report::Lang::Vi || e.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg)?;
    let value = text(ContextKind::InvalidValue)?;
    let why = std::error::Error::source(e).map_or(String::new(), |s| format!(": {s}"));
    Some(format!(
        "lỗi: giá trị '{value}' của {arg} không hợp lệ{why}"
    ))
}
