//! Writing outputs without ever losing what was there.
//!
//! - [`file`](mod@file): one output file (`-o`, `--save-draws`): written to a locked
//!   temporary file beside the target and renamed over it only when whole;
//!   a device or FIFO gets a plain write; a symbolic link is followed and
//!   its target replaced; a replaced file keeps its mode, a new one follows
//!   the umask; an output that is one of the inputs is refused.
//! - [`folder`](mod@folder): the report folder, swapped in whole (Linux: an atomic
//!   exchange), replacing only the files an earlier report wrote (its
//!   manifest), under a lock on the parent folder, recovering what a
//!   crashed run left.
//!
//! A second Ctrl-C ends the process without unwinding: [`remove_unfinished`]
//! first removes the temporary files and folders still being written.

pub mod file;
pub mod folder;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

pub use file::{Draft, check_file_path, write_file};

/// Whether `path` names the process's own standard output (`/dev/stdout`,
/// `/dev/fd/1`, `/proc/self/fd/1`, however spelt, or a link to one of
/// them), whatever that is.
pub fn names_standard_output(path: &Path) -> bool {
    file::is_standard_output(path)
}
pub use folder::{check_report_path, report_files, write_report_dir};

use crate::ReportError;

/// Prefix of every temporary name grdp creates beside an output.
pub const TEMP_PREFIX: &str = ".grdp-";

/// How old an unlocked temporary file must be before a later run removes
/// it: a run holds its temporary file locked from the moment it creates it,
/// so this only covers the instant between the two.
const STALE_AFTER: Duration = Duration::from_secs(10);

/// The temporary files and folders this process is writing, which
/// [`remove_unfinished`] removes when the process must end at once.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file or folder being written, listed in [`UNFINISHED`]
/// while the guard lives.
struct Unfinished(PathBuf);

impl Unfinished {
    fn new(path: &Path) -> Self {
        if let Ok(mut live) = UNFINISHED.lock() {
            live.push(path.to_path_buf());
        }
        Self(path.to_path_buf())
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if let Ok(mut live) = UNFINISHED.lock()
            && let Some(i) = live.iter().rposition(|p| *p == self.0)
        {
            live.swap_remove(i);
        }
    }
}

/// Removes every temporary file and folder this process is still writing,
/// for a process about to end without unwinding (a second Ctrl-C): the
/// outputs they were for stay as they were. Safe to call from another
/// thread while they are written.
pub fn remove_unfinished() {
    let live = match UNFINISHED.lock() {
        Ok(live) => live.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for path in live {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => {
                let _ = std::fs::remove_dir_all(&path);
            }
            Ok(_) => {
                let _ = std::fs::remove_file(&path);
            }
            Err(_) => {}
        }
    }
}

/// The error for an output `path` whose folder `dir` is missing or a file
/// (`None` when `dir` is a folder).
fn folder_problem(path: &Path, dir: &Path) -> Option<ReportError> {
    if dir.is_dir() {
        None
    } else if dir.exists() {
        Some(ReportError::ParentIsAFile {
            path: path.to_path_buf(),
            parent: dir.to_path_buf(),
        })
    } else {
        Some(ReportError::NoParent {
            path: path.to_path_buf(),
            parent: dir.to_path_buf(),
        })
    }
}

/// `e` without the temporary file's or folder's name `tempfile` appends to
/// its errors (` at path "..."`), a name the user never gave: the system's
/// own words ("Permission denied (os error 13)"), for the path the user did
/// give.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.rfind(" at path \"") {
        Some(at) => std::io::Error::new(e.kind(), text[..at].to_string()),
        None => e,
    }
}

/// Whether two outputs `a` and `b` would write one file: the same path or
/// the same file, unless that is a character device such as `/dev/null`.
pub fn same_output(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if std::fs::metadata(a).is_ok_and(|m| m.file_type().is_char_device()) {
            return false;
        }
    }
    a == b || same_file(a, b)
}

/// Whether `a` and `b` name the same file (both exist, same device and
/// inode). A character device such as `/dev/null` is a stream, never a
/// file one output could spoil for another.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(ma), Ok(mb)) => same_metadata(&ma, &mb),
        _ => false,
    }
}

#[cfg(unix)]
fn same_metadata(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    !a.file_type().is_char_device() && a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_metadata(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Refuses `output` when it names one of `inputs` (or, for inputs that do
/// not exist yet, the same path).
pub fn refuse_inputs(output: &Path, inputs: &[&Path]) -> Result<(), ReportError> {
    for input in inputs {
        if same_file(output, input) || (output == *input) {
            return Err(ReportError::OutputIsInput {
                output: output.to_path_buf(),
                input: input.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The folder a path's file lives in (`.` for a bare name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes the temporary files an earlier run left in `dir` (killed before
/// it could rename or remove them): names starting with `prefix` and ending
/// `.tmp` that nobody holds a lock on and that are older than a few seconds.
fn remove_stale_temp_files(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(prefix) || !name.ends_with(".tmp") {
            continue;
        }
        let path = entry.path();
        let old_enough = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| {
            SystemTime::now()
                .duration_since(t)
                .is_ok_and(|age| age > STALE_AFTER)
        });
        if !old_enough || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if let Ok(f) = std::fs::File::open(&path)
            && f.try_lock().is_ok()
        {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tempfile` names its temporary file in its errors; the message keeps
    /// the system's words and drops the name.
    #[test]
    fn a_temporary_name_is_dropped_from_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir.path().join("none"))
            .unwrap_err();
        assert!(e.to_string().contains(" at path "), "{e}");
        let plain = without_temp_path(e);
        assert_eq!(plain.kind(), std::io::ErrorKind::NotFound);
        let shown = plain.to_string();
        assert!(shown.contains("No such file or directory"), "{shown}");
        assert!(
            !shown.contains(TEMP_PREFIX) && !shown.contains("at path"),
            "{shown}"
        );
    }
}
