//! Where output goes: standard output (no `-o`, or `-o -`), or a file
//! written whole or not at all, never over one of the inputs
//! (grdp_report::write).

use std::io::Write;
use std::path::Path;

/// Writes `text` to standard output, or to `path` (see
/// `grdp_report::write::write_file`), refusing a path that names one of `inputs`.
pub fn emit(text: &str, path: Option<&Path>, inputs: &[&Path]) -> anyhow::Result<()> {
    match path {
        Some(p) if p != Path::new("-") => {
            Ok(grdp_report::write::write_file(p, text.as_bytes(), inputs)?)
        }
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}
