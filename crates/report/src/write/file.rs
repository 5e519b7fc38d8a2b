//! One output file, written whole or not at all, never replacing what the
//! path names without knowing what it is.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{TEMP_PREFIX, parent_of, refuse_inputs, remove_stale_temp_files, without_temp_path};
use crate::ReportError;

/// What an output path names, once symbolic links are followed.
#[derive(Debug)]
enum Destination {
    /// A regular file (`mode`: its permissions, kept) or nothing yet
    /// (`None`: a new file follows the umask): replaced by a rename.
    File { path: PathBuf, mode: Option<u32> },
    /// A device or FIFO: written in place, never replaced.
    Stream { path: PathBuf },
    /// The process's own standard output (`/dev/stdout`, `/dev/fd/1`,
    /// `/proc/self/fd/1`, or a link to one of them): written through the
    /// descriptor the shell opened, so `>> log` appends and `> file` is not
    /// replaced by a new file behind the shell's back.
    StandardOutput,
    /// The process's standard error, likewise.
    StandardError,
}

/// A path inside a process's descriptor folder, however it is spelt
/// (`/dev/fd//1`, `/proc/self/./fd/1`, `/proc/thread-self/fd/1`, a link to
/// `/proc/self/fd` and then `1`): its descriptor number, and whether the
/// process is this one. Such a path is a link the kernel resolves to the
/// open file itself; followed by name, it would lead to the file a shell
/// redirected into, which a rename would then replace.
fn proc_descriptor(path: &Path) -> Option<(u32, bool)> {
    let n: u32 = path.file_name()?.to_str()?.parse().ok()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(parent).ok()?;
    let parts: Vec<&str> = folder.iter().filter_map(|c| c.to_str()).collect();
    let pid = match parts.as_slice() {
        ["/", "proc", pid, "fd"] | ["/", "proc", pid, "task", _, "fd"] => *pid,
        _ => return None,
    };
    Some((n, pid.parse::<u32>().ok() == Some(std::process::id())))
}

/// The descriptor `path` names, however it is spelt, and whether it is
/// this process's.
pub(super) fn any_descriptor(path: &Path) -> Option<(u32, bool)> {
    descriptor(path)
        .map(|n| (n, true))
        .or_else(|| proc_descriptor(path))
}

/// The descriptor a path names by itself, whatever it points to:
/// `/dev/stdout` 1, `/dev/stderr` 2, `/dev/stdin` 0, `/dev/fd/N` and
/// `/proc/self/fd/N` N.
fn descriptor(path: &Path) -> Option<u32> {
    match path.to_str()? {
        "/dev/stdin" => Some(0),
        "/dev/stdout" => Some(1),
        "/dev/stderr" => Some(2),
        p => p
            .strip_prefix("/dev/fd/")
            .or_else(|| p.strip_prefix("/proc/self/fd/"))
            .and_then(|n| n.parse().ok()),
    }
}

/// Whether `path`, followed through its links, is this process's standard
/// output.
pub(super) fn is_standard_output(path: &Path) -> bool {
    matches!(destination(path), Ok(Destination::StandardOutput))
}

/// Follows `path` through symbolic links to what it names.
fn destination(path: &Path) -> Result<Destination, ReportError> {
    let io = |source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    };
    // `out/` names a folder, whether or not it exists.
    if path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
    {
        return Err(ReportError::IsAFolder {
            path: path.to_path_buf(),
        });
    }
    let mut at = path.to_path_buf();
    // A chain of links longer than the system's own limit is a loop.
    for _ in 0..40 {
        match any_descriptor(&at) {
            Some((1, true)) => return Ok(Destination::StandardOutput),
            Some((2, true)) => return Ok(Destination::StandardError),
            Some((n, true)) => {
                return Err(io(std::io::Error::other(format!(
                    "names the process's open file descriptor {n}, not a file; write to a named file, or to standard output with -o -"
                ))));
            }
            Some((n, false)) => {
                return Err(io(std::io::Error::other(format!(
                    "names descriptor {n} of another process, not a file; write to a named file, or to standard output with -o -"
                ))));
            }
            None => {}
        }
        let meta = match std::fs::symlink_metadata(&at) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Destination::File {
                    path: at,
                    mode: None,
                });
            }
            // A file where a folder of the path should be.
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
                let mut dir = parent_of(&at);
                while let Some(up) = dir.parent().filter(|_| !dir.is_file()) {
                    if up.as_os_str().is_empty() {
                        break;
                    }
                    dir = up.to_path_buf();
                }
                return Err(super::folder_problem(path, &dir).unwrap_or(io(e)));
            }
            Err(e) => return Err(io(e)),
            Ok(m) => m,
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(&at).map_err(io)?;
            let next = if link.is_absolute() {
                link
            } else {
                parent_of(&at).join(link)
            };
            // A link to a descriptor (`//dev/stdout`, `/dev/./stdout`, a
            // link of the user's to `/dev/stdout`) is that descriptor,
            // recognised at the top of the loop.
            if any_descriptor(&next).is_some() {
                at = next;
                continue;
            }
            // A link that ends at a pipe, device or socket is written
            // through as it is: `/dev/stdout` in a pipe is a link to
            // `/proc/self/fd/1`, a link to `pipe:[…]`, which names nothing
            // in any folder, yet opens the pipe.
            if std::fs::metadata(&at).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
                return Ok(Destination::Stream { path: at });
            }
            at = next;
            continue;
        }
        if kind.is_dir() {
            return Err(ReportError::IsAFolder {
                path: path.to_path_buf(),
            });
        }
        if kind.is_file() {
            return Ok(Destination::File {
                path: at,
                mode: Some(mode_of(&meta)),
            });
        }
        if is_socket(&meta) {
            return Err(io(std::io::Error::other(
                "is a socket, which cannot be opened as a file; write to standard output with -o - and send that on",
            )));
        }
        return Ok(Destination::Stream { path: at });
    }
    Err(io(std::io::Error::other(
        "too many symbolic links (a loop?)",
    )))
}

#[cfg(unix)]
fn is_socket(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_socket()
}

#[cfg(not(unix))]
fn is_socket(_: &std::fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode()
}

#[cfg(not(unix))]
fn mode_of(_: &std::fs::Metadata) -> u32 {
    0
}

/// The permissions a new file asks for, before the umask.
#[cfg(unix)]
fn new_file_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o666)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> std::io::Result<()> {
    Ok(())
}

enum Sink {
    /// A locked temporary file beside the target, renamed over it on commit.
    Temp {
        file: BufWriter<NamedTempFile>,
        target: PathBuf,
        mode: Option<u32>,
        /// Listed for [`super::remove_unfinished`] until renamed or removed
        /// (declared after `file`, so dropped after it).
        _unfinished: super::Unfinished,
    },
    /// A device or FIFO, written directly.
    Stream(BufWriter<File>),
    /// Standard output, through its descriptor.
    StandardOutput(std::io::Stdout),
    /// Standard error, through its descriptor.
    StandardError(std::io::Stderr),
}

/// An output being written: [`Write`] into it, then [`Draft::commit`].
/// Dropped without a commit, it leaves the target as it was and removes
/// its temporary file.
pub struct Draft {
    /// The path as the user gave it, for messages.
    shown: PathBuf,
    sink: Sink,
}

impl Draft {
    /// Starts writing `path`, refusing it when it names one of `inputs` or
    /// a folder. Temporary files that killed runs left beside it go first.
    pub fn create(path: &Path, inputs: &[&Path]) -> Result<Self, ReportError> {
        refuse_inputs(path, inputs)?;
        let io = |source| ReportError::Io {
            path: path.to_path_buf(),
            source,
        };
        let sink = match destination(path)? {
            Destination::StandardOutput => Sink::StandardOutput(std::io::stdout()),
            Destination::StandardError => Sink::StandardError(std::io::stderr()),
            Destination::Stream { path: device } => Sink::Stream(BufWriter::new(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(device)
                    .map_err(io)?,
            )),
            Destination::File { path: target, mode } => {
                let dir = parent_of(&target);
                if let Some(problem) = super::folder_problem(path, &dir) {
                    return Err(problem);
                }
                remove_stale_temp_files(&dir, TEMP_PREFIX);
                let name = target
                    .file_name()
                    .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
                let prefix = format!("{TEMP_PREFIX}{name}-");
                let mut builder = tempfile::Builder::new();
                builder.prefix(&prefix).suffix(".tmp");
                #[cfg(unix)]
                builder.permissions(new_file_permissions());
                // The temporary file's name is no business of the user's:
                // the error is reported for the path they gave.
                let tmp = builder
                    .tempfile_in(&dir)
                    .map_err(|e| io(without_temp_path(e)))?;
                // Held until the rename: a later run knows the file is live.
                tmp.as_file().lock().map_err(io)?;
                Sink::Temp {
                    _unfinished: super::Unfinished::new(tmp.path()),
                    file: BufWriter::new(tmp),
                    target,
                    mode,
                }
            }
        };
        Ok(Self {
            shown: path.to_path_buf(),
            sink,
        })
    }

    /// Finishes the output: the temporary file takes the target's place
    /// (with the target's old mode, if it had one), or the stream is flushed.
    pub fn commit(self) -> Result<(), ReportError> {
        let io = |source| ReportError::Io {
            path: self.shown.clone(),
            source,
        };
        match self.sink {
            Sink::Stream(mut w) => w.flush().map_err(io),
            Sink::StandardOutput(mut w) => w.flush().map_err(io),
            Sink::StandardError(mut w) => w.flush().map_err(io),
            Sink::Temp {
                file, target, mode, ..
            } => {
                let tmp = file
                    .into_inner()
                    .map_err(|e| io(without_temp_path(e.into_error())))?;
                if let Some(mode) = mode {
                    set_mode(tmp.path(), mode).map_err(|e| io(without_temp_path(e)))?;
                }
                tmp.as_file().sync_all().map_err(io)?;
                tmp.persist(&target)
                    .map_err(|e| io(without_temp_path(e.error)))?;
                Ok(())
            }
        }
    }
}

/// A failed write to the temporary file, reported without its name (the
/// temporary file's name is no business of the user's; the caller names
/// the output).
impl Write for Draft {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.sink {
            Sink::Temp { file, .. } => file.write(buf).map_err(without_temp_path),
            Sink::Stream(w) => w.write(buf),
            Sink::StandardOutput(w) => w.write(buf),
            Sink::StandardError(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.sink {
            Sink::Temp { file, .. } => file.flush().map_err(without_temp_path),
            Sink::Stream(w) => w.flush(),
            Sink::StandardOutput(w) => w.flush(),
            Sink::StandardError(w) => w.flush(),
        }
    }
}

/// Checks, before a long run, that `path` could be written as an output
/// file: not a folder, its folder there, not one of `inputs`. Nothing is
/// created; [`Draft::create`] checks again when the output is written.
pub fn check_file_path(path: &Path, inputs: &[&Path]) -> Result<(), ReportError> {
    refuse_inputs(path, inputs)?;
    match destination(path)? {
        Destination::Stream { .. } | Destination::StandardOutput | Destination::StandardError => {
            Ok(())
        }
        Destination::File { path: target, .. } => {
            super::folder_problem(path, &parent_of(&target)).map_or(Ok(()), Err)
        }
    }
}

/// Writes `bytes` to `path` whole or not at all (see [`Draft`]).
pub fn write_file(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), ReportError> {
    let mut draft = Draft::create(path, inputs)?;
    draft.write_all(bytes).map_err(|source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    draft.commit()
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::{PermissionsExt, symlink};

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_symbolic_link_is_followed_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        symlink("real.json", &link).unwrap();
        write_file(&link, b"new", &[]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("out.csv");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&f, b"new", &[]).unwrap();
        assert_eq!(mode(&f), 0o640);
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "new");
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("s.toml");
        std::fs::write(&f, "scenario").unwrap();
        let other_name = dir.path().join(".").join("s.toml");
        let e = write_file(&other_name, b"x", &[&f]).unwrap_err();
        assert!(matches!(e, ReportError::OutputIsInput { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "scenario");
    }

    /// Regression: a missing folder was reported through the temporary
    /// file's name, which the user never gave.
    #[test]
    fn a_missing_folder_is_named_not_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("no such folder").join("out.csv");
        let e = write_file(&f, b"x", &[]).unwrap_err();
        assert!(matches!(e, ReportError::NoParent { .. }), "{e}");
        let shown = e.to_string();
        assert!(shown.contains("no such folder") && shown.contains("does not exist"));
        assert!(!shown.contains(TEMP_PREFIX), "{shown}");
        assert!(!dir.path().join("no such folder").exists());
    }

    #[test]
    fn a_dropped_draft_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("out.csv");
        std::fs::write(&f, "old").unwrap();
        let mut d = Draft::create(&f, &[]).unwrap();
        d.write_all(b"half").unwrap();
        drop(d);
        assert_eq!(std::fs::read_to_string(&f).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
