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
            let years: Vec<String> = years_with_targets.iter().map(i32::to_string).collect();
            let years = years.join(", ");
            let (has_en, has_vi) = if years_with_targets.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!(" (it has one for {years}; choose it with --year)"),
                    format!(" (có chỉ tiêu cho năm {years}; chọn bằng --year)"),
                )
            };
            let (what_en, what_vi) = match at_most_pct {
                Some(m) => (
                    format!(
                        "the scenario's aggregate growth target for {year} is a ceiling only (at most {m}%), and a simulation gives the chance of at least a threshold"
                    ),
                    format!(
                        "chỉ tiêu tăng trưởng GRDP năm {year} của kịch bản chỉ là mức trần (không quá {}%), còn mô phỏng tính xác suất tăng trưởng đạt từ một mức trở lên",
                        crate::errors_vi::vn(m)
                    ),
                ),
                None => (
                    format!("the scenario has no aggregate growth target for {year}"),
                    format!("kịch bản không có chỉ tiêu tăng trưởng GRDP cho năm {year}"),
                ),
            };
            UsageError(crate::args::in_lang(
                format!("{what_en}{has_en}; give one with --target PCT"),
                format!("{what_vi}{has_vi}; hãy nêu bằng --target PCT"),
            ))
            .into()
        }
        StudyError::UnknownView { role, id, known } => {
            let flag = match role {
                ViewRole::Simulated => "--view",
                ViewRole::Preferred => "--preferred-view",
            };
            let known = known.join(", ");
            UsageError(crate::args::in_lang(
                format!("{flag} {id}: no such view; expected one of: {known}"),
                format!("{flag} {id}: không có kịch bản `{id}`; cần một trong: {known}"),
            ))
        }
        .into(),
        StudyError::UnknownComponent { role, id, known } => {
            let known = known.join(", ");
            match role {
                ComponentRole::Feasibility => UsageError(crate::args::in_lang(
                    format!("--feasibility {id}: no such component; expected one of: {known}"),
                    format!("--feasibility {id}: không có thành phần này; cần một trong: {known}"),
                ))
                .into(),
                ComponentRole::Required => UsageError(crate::args::in_lang(
                    format!("--required {id}: no such component; expected one of: {known}"),
                    format!("--required {id}: không có thành phần này; cần một trong: {known}"),
                ))
                .into(),
                ComponentRole::Solve => anyhow::anyhow!(crate::args::in_lang(
                    format!("--component: no such component `{id}`; expected one of: {known}"),
                    format!("--component: không có thành phần `{id}`; cần một trong: {known}"),
                )),
                ComponentRole::SolveAllBut => anyhow::anyhow!(crate::args::in_lang(
                    format!("--all-but: no such component `{id}`; expected one of: {known}"),
                    format!("--all-but: không có thành phần `{id}`; cần một trong: {known}"),
                )),
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
        ReportError::NotAReport { path } => anyhow::anyhow!(crate::args::in_lang(
            format!(
                "{} exists, holds files and is not an earlier grdp report; choose another folder, or pass --force to write the report into it (its files are kept)",
                path.display()
            ),
            format!(
                "{} đã có và chứa tệp, nhưng không phải thư mục của một báo cáo grdp trước đây; hãy chọn thư mục khác, hoặc thêm `--force` để ghi báo cáo vào thư mục đó (các tệp đang có được giữ nguyên)",
                path.display()
            ),
        )),
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

/// The commonest errors in Vietnamese: a file that cannot be read, is not
/// UTF-8 text, is empty or not text, and TOML's typing slips; the errors
/// of writing output and of running (`errors_vi`); `None` for the others,
/// which stay in English.
fn in_vietnamese(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let Some(load) = e.downcast_ref::<grdp_scenario::LoadError>() else {
        return crate::errors_vi::in_vietnamese(e);
    };
    if let grdp_scenario::LoadErrorKind::Io(message) = load.kind.as_ref() {
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
    // The file's encoding, kind and size, and a typing slip in TOML, in
    // Vietnamese; other errors of a file stay in English.
    Some(load.display_in(true))
}

/// An error of the command line (an unknown flag, a missing or refused
/// value, a command that does not exist), written in Vietnamese under
/// `--lang vi`: clap's own frame is English only. The options it quotes
/// come with the value names of the Vietnamese command line
/// ([`crate::help_vi`]), as its help shows them (`--view <KỊCH_BẢN>`).
/// `None` for other kinds and for English, which clap prints itself.
pub fn clap_vi(e: &clap::Error, lang: grdp_report::Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang != grdp_report::Lang::Vi {
        return None;
    }
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map_or(String::new(), |s| format!(": {s}"));
            format!("giá trị '{}' của {} không hợp lệ{why}", value?, arg?)
        }
        ErrorKind::InvalidValue => match (arg?, value.filter(|v| !v.is_empty())) {
            (arg, None) => format!("{arg} cần một giá trị"),
            (arg, Some(v)) => format!(
                "giá trị '{v}' của {arg} không hợp lệ; chỉ nhận một trong: {}",
                text(ContextKind::ValidValue).unwrap_or_default()
            ),
        },
        ErrorKind::UnknownArgument => {
            let arg = arg?;
            let suggested = text(ContextKind::SuggestedArg)
                .map_or(String::new(), |s| format!(" (có phải bạn muốn gõ '{s}'?)"));
            if arg == "--lang" || arg.starts_with("--lang=") {
                // Before the command: clap reads it as grdp's own flag.
                "--lang đặt sau tên lệnh, ví dụ: grdp audit --lang vi".to_string()
            } else if arg.starts_with('-') {
                format!("không có tùy chọn '{arg}'{suggested}")
            } else {
                format!("thừa tham số '{arg}'")
            }
        }
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh '{}'{}; xem danh sách lệnh bằng `grdp --help --lang vi`",
            text(ContextKind::InvalidSubcommand)?,
            text(ContextKind::SuggestedSubcommand)
                .map_or(String::new(), |s| format!(" (có phải bạn muốn gõ '{s}'?)"))
        ),
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {}", arg?),
        ErrorKind::MissingSubcommand => {
            "thiếu lệnh; xem danh sách lệnh bằng `grdp --help --lang vi`".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let (arg, prior) = (arg?, text(ContextKind::PriorArg));
            match prior {
                // The same flag twice.
                Some(p) if p == arg => format!("{arg} chỉ được nêu một lần"),
                Some(p) => format!("{arg} không dùng được cùng với {p}"),
                None => format!("{arg} không dùng được cùng với một tùy chọn đã nêu"),
            }
        }
        ErrorKind::TooManyValues => {
            let arg = arg?;
            // A switch given a value (--quiet=yes) has no value name.
            if arg.contains('<') {
                format!("{arg} nhận quá nhiều giá trị ('{}')", value?)
            } else {
                format!("{arg} không nhận giá trị ('{}')", value?)
            }
        }
        ErrorKind::WrongNumberOfValues => format!(
            "{} cần {} giá trị; nhận {}",
            arg?,
            text(ContextKind::ExpectedNumValues)?,
            text(ContextKind::ActualNumValues)?
        ),
        ErrorKind::TooFewValues => format!(
            "{} cần ít nhất {} giá trị; nhận {}",
            arg?,
            text(ContextKind::MinValues)?,
            text(ContextKind::ActualNumValues)?
        ),
        ErrorKind::NoEquals => format!("{} cần dấu '=' trước giá trị", arg?),
        ErrorKind::InvalidUtf8 => {
            "một tham số có ký tự không đọc được (không phải văn bản UTF-8)".to_string()
        }
        _ => return None,
    };
    Some(format!("lỗi: {what}\nXem cách dùng: thêm --help vào lệnh."))
}
