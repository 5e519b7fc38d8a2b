//! Where output goes: standard output (no `-o`, or `-o -`), or a file
//! written whole or not at all, never over one of the inputs
//! (grdp_report::write).

use std::io::{IsTerminal, Write};
use std::path::Path;

/// What a command writes: text, or an Excel workbook.
pub enum Output {
    /// Text (a table, JSON or CSV).
    Text(String),
    /// An `.xlsx` workbook's bytes.
    Workbook(Vec<u8>),
}

/// Writes `out` to standard output, or to `path` (see
/// `grdp_report::write::write_file`), refusing a path that names one of
/// `inputs`. A workbook needs a file: it is never sent to a terminal.
pub fn emit(out: &Output, path: Option<&Path>, inputs: &[&Path]) -> anyhow::Result<()> {
    let file = path.filter(|p| *p != Path::new("-"));
    // A workbook is bytes no terminal can show: never sent to one, even
    // as `-o /dev/stdout`, `/dev/stderr`, `/dev/tty` or a link to one.
    let to_terminal = file.is_some_and(|p| {
        (grdp_report::write::names_standard_output(p) && std::io::stdout().is_terminal())
            || is_char_device(p)
    });
    if matches!(out, Output::Workbook(_)) && to_terminal {
        return Err(crate::UsageError(crate::args::in_lang(
            "--format xlsx writes an Excel workbook, which a terminal or device cannot take: name its file with -o, e.g. -o grdp.xlsx".into(),
            "--format xlsx ghi một tệp Excel, mà màn hình hay thiết bị không nhận được: đặt tên tệp bằng -o, ví dụ -o grdp.xlsx".into(),
        ))
        .into());
    }
    // A descriptor has no name Excel reads; only a file's name counts.
    if let Some(note) = file
        .filter(|p| !grdp_report::write::names_standard_output(p))
        .and_then(|p| extension_note(out, p))
    {
        crate::say(note);
    }
    match (out, file) {
        (Output::Text(text), Some(p)) => {
            Ok(grdp_report::write::write_file(p, text.as_bytes(), inputs)?)
        }
        (Output::Workbook(bytes), Some(p)) => Ok(grdp_report::write::write_file(p, bytes, inputs)?),
        (Output::Text(text), None) => {
            let mut out = std::io::stdout().lock();
            // The error is kept whole (a context, not a string), so that a
            // reader that stopped early (`| head`) is still recognised as a
            // broken pipe and ends the run quietly.
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| {
                    anyhow::Error::new(e).context(crate::args::in_lang(
                        "cannot write to standard output".into(),
                        "không ghi được ra đầu ra chuẩn".into(),
                    ))
                })
        }
        (Output::Workbook(_), None) => Err(crate::UsageError(crate::args::in_lang(
            "--format xlsx writes an Excel workbook: name its file with -o, e.g. -o grdp.xlsx"
                .into(),
            "--format xlsx ghi một tệp Excel: đặt tên tệp bằng -o, ví dụ -o grdp.xlsx".into(),
        ))
        .into()),
    }
}

/// Whether `path` (links followed) is a character device: a terminal,
/// `/dev/null`, a serial line. A workbook is not for one.
#[cfg(unix)]
fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

#[cfg(not(unix))]
fn is_char_device(_: &Path) -> bool {
    false
}

/// A word where the file's name says one thing and its content another:
/// a workbook named `.csv`, or text named `.xlsx` (Excel would refuse to
/// open either as named). The file is written as asked.
fn extension_note(out: &Output, path: &Path) -> Option<String> {
    let named_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    match out {
        Output::Workbook(_) if !named_xlsx => Some(crate::args::in_lang(
            format!(
                "note: {} receives an Excel workbook (--format xlsx) but is not named .xlsx: Excel opens it only under a name ending .xlsx",
                path.display()
            ),
            format!(
                "lưu ý: {} nhận một tệp Excel (--format xlsx) nhưng không có đuôi .xlsx: Excel chỉ mở tệp có tên kết thúc bằng .xlsx",
                path.display()
            ),
        )),
        Output::Text(_) if named_xlsx => Some(crate::args::in_lang(
            format!(
                "note: {} receives text, not an Excel workbook: Excel will not open it; --format xlsx writes the workbook",
                path.display()
            ),
            format!(
                "lưu ý: {} nhận văn bản, không phải tệp Excel: Excel sẽ không mở được; --format xlsx mới ghi tệp Excel",
                path.display()
            ),
        )),
        _ => None,
    }
}
