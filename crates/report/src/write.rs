//! Writing a report folder atomically: everything goes into a temporary
//! folder beside the target, which replaces the target only when complete.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ReportError;

/// The file that marks a folder as a grdp report (so it may be replaced).
pub const MARKER: &str = ".grdp-report";

/// Writes `files` (name, bytes) as the folder `target`.
///
/// The files are written into a temporary folder beside `target`; only when
/// every one is written does it take `target`'s place. On any error, or if
/// the process is interrupted, `target` is untouched and the temporary
/// folder is removed (or, after a kill, left under a `.grdp-report-` name
/// that is never mistaken for a report). An existing `target` is replaced
/// only if it is an earlier grdp report, or `force` is set.
pub fn write_report_dir<I>(target: &Path, files: I, force: bool) -> Result<(), ReportError>
where
    I: IntoIterator<Item = Result<(String, Vec<u8>), ReportError>>,
{
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(ReportError::Output(format!(
            "cannot write {}: the folder {} does not exist",
            target.display(),
            parent.display()
        )));
    }
    if target.exists() {
        if !target.is_dir() {
            return Err(ReportError::Output(format!(
                "{} is a file; expected a folder name for the report (or remove the file)",
                target.display()
            )));
        }
        if !target.join(MARKER).exists() && !force {
            return Err(ReportError::Output(format!(
                "{} exists and is not an earlier grdp report; choose another folder, or pass --force to replace it",
                target.display()
            )));
        }
    }
    let io =
        |what: &str, e: std::io::Error| ReportError::Output(format!("cannot write {what}: {e}"));
    let tmp = tempfile::Builder::new()
        .prefix(".grdp-report-")
        .tempdir_in(&parent)
        .map_err(|e| io(&parent.display().to_string(), e))?;
    for item in files {
        let (name, bytes) = item?;
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(ReportError::Output(format!(
                "refusing the file name `{name}` in a report"
            )));
        }
        let path = tmp.path().join(&name);
        let mut f = std::fs::File::create(&path).map_err(|e| io(&name, e))?;
        f.write_all(&bytes).map_err(|e| io(&name, e))?;
        f.sync_all().map_err(|e| io(&name, e))?;
    }
    std::fs::write(
        tmp.path().join(MARKER),
        format!("grdp {}\n", env!("CARGO_PKG_VERSION")),
    )
    .map_err(|e| io(MARKER, e))?;
    // Swap: the old report moves aside, the new one takes its name, the old one goes.
    let old = if target.exists() {
        let aside = tempfile::Builder::new()
            .prefix(".grdp-report-old-")
            .tempdir_in(&parent)
            .map_err(|e| io(&parent.display().to_string(), e))?
            .keep();
        let aside_target = aside.join("report");
        std::fs::rename(target, &aside_target).map_err(|e| io(&target.display().to_string(), e))?;
        Some(aside)
    } else {
        None
    };
    let built = tmp.keep();
    if let Err(e) = std::fs::rename(&built, target) {
        if let Some(aside) = &old {
            let _ = std::fs::rename(aside.join("report"), target);
            let _ = std::fs::remove_dir_all(aside);
        }
        let _ = std::fs::remove_dir_all(&built);
        return Err(io(&target.display().to_string(), e));
    }
    if let Some(aside) = old {
        let _ = std::fs::remove_dir_all(aside);
    }
    Ok(())
}
