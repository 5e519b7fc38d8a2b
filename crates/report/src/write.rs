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
        return Err(ReportError::NoParent {
            path: target.to_path_buf(),
            parent,
        });
    }
    if target.exists() {
        if !target.is_dir() {
            return Err(ReportError::IsAFile {
                path: target.to_path_buf(),
            });
        }
        if !target.join(MARKER).exists() && !force {
            return Err(ReportError::NotAReport {
                path: target.to_path_buf(),
            });
        }
    }
    let io = |path: &Path, source: std::io::Error| ReportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = tempfile::Builder::new()
        .prefix(".grdp-report-")
        .tempdir_in(&parent)
        .map_err(|e| io(&parent, e))?;
    for item in files {
        let (name, bytes) = item?;
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(ReportError::BadFileName(name));
        }
        let path = tmp.path().join(&name);
        let mut f = std::fs::File::create(&path).map_err(|e| io(&target.join(&name), e))?;
        f.write_all(&bytes)
            .map_err(|e| io(&target.join(&name), e))?;
        f.sync_all().map_err(|e| io(&target.join(&name), e))?;
    }
    std::fs::write(
        tmp.path().join(MARKER),
        format!("grdp {}\n", env!("CARGO_PKG_VERSION")),
    )
    .map_err(|e| io(&target.join(MARKER), e))?;
    // Swap: the old report moves aside, the new one takes its name, the old one goes.
    let old = if target.exists() {
        let aside = tempfile::Builder::new()
            .prefix(".grdp-report-old-")
            .tempdir_in(&parent)
            .map_err(|e| io(&parent, e))?
            .keep();
        let aside_target = aside.join("report");
        std::fs::rename(target, &aside_target).map_err(|e| io(target, e))?;
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
        return Err(io(target, e));
    }
    if let Some(aside) = old {
        let _ = std::fs::remove_dir_all(aside);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(n: usize) -> Vec<Result<(String, Vec<u8>), ReportError>> {
        (0..n)
            .map(|i| Ok((format!("f{i}.txt"), vec![b'x'; 10])))
            .collect()
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".grdp-report"))
            .collect()
    }

    #[test]
    fn an_interrupted_write_leaves_nothing_at_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report");
        // Two files, then the producer fails (a chart, say): the target never appears.
        let mut items = files(2);
        items.push(Err(ReportError::Font));
        items.extend(files(1));
        let e = write_report_dir(&target, items, false).unwrap_err();
        assert!(matches!(e, ReportError::Font), "{e}");
        assert!(!target.exists());
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn an_interrupted_rewrite_keeps_the_old_report_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report");
        write_report_dir(&target, files(3), false).unwrap();
        let mut items = files(1);
        items.push(Err(ReportError::Font));
        assert!(write_report_dir(&target, items, false).is_err());
        // The earlier report is untouched: three files and its marker.
        assert_eq!(std::fs::read_dir(&target).unwrap().count(), 4);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn replaces_an_earlier_report_but_not_another_folder_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report");
        write_report_dir(&target, files(3), false).unwrap();
        write_report_dir(&target, files(1), false).unwrap();
        assert_eq!(
            std::fs::read_dir(&target).unwrap().count(),
            2,
            "the old files are gone"
        );
        let other = dir.path().join("mine");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("notes.txt"), "keep me").unwrap();
        let e = write_report_dir(&other, files(1), false).unwrap_err();
        assert!(matches!(e, ReportError::NotAReport { .. }), "{e}");
        assert_eq!(
            std::fs::read_to_string(other.join("notes.txt")).unwrap(),
            "keep me"
        );
        write_report_dir(&other, files(1), true).unwrap();
        assert!(!other.join("notes.txt").exists());
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        assert!(
            write_report_dir(&file, files(1), true)
                .unwrap_err()
                .to_string()
                .contains("is a file")
        );
        assert!(leftovers(dir.path()).is_empty());
    }
}
