//! Where output goes: standard output (no `-o`, or `-o -`), or a file
//! written whole or not at all, never over one of the inputs
//! (grdp_report::write).

use std::io::Write;
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
    match (out, file) {
        (Output::Text(text), Some(p)) => {
            Ok(grdp_report::write::write_file(p, text.as_bytes(), inputs)?)
        }
        (Output::Workbook(bytes), Some(p)) => Ok(grdp_report::write::write_file(p, bytes, inputs)?),
        (Output::Text(text), None) => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
        (Output::Workbook(_), None) => Err(crate::UsageError(
            "--format xlsx writes an Excel workbook: name its file with -o, e.g. -o grdp.xlsx"
                .into(),
        )
        .into()),
    }
}
