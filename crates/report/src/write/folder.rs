//! The report folder, swapped in whole, replacing only what a report wrote.
//!
//! A run takes a lock on the parent folder (two runs on one folder wait for
//! each other), finishes or undoes what a crashed run left, builds the new
//! report in `.grdp-report-build-NAME-*`, renames it `.grdp-report-swap-NAME-*`
//! once whole, and exchanges it with `NAME` (Linux `renameat2` with
//! `RENAME_EXCHANGE`: there is no moment without a report). The old report
//! then sits under the swap name: files it did not write (its manifest
//! says which it did) move into the new report, the rest is removed.
//!
//! After a kill at any point, the folder is the old report or the new one,
//! whole, and the next run tidies the rest: a build is removed, a swap is
//! finished; nothing a report did not write is ever deleted.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::parent_of;
use crate::{Leftover, ReportError};

/// The file that marks a folder as a grdp report and lists what it wrote.
pub const MARKER: &str = ".grdp-report";

/// What reports wrote before their marker listed it (grdp 0.1.0's marker
/// holds only the version).
const EARLIER_REPORT_FILES: [&str; 13] = [
    "1-contributions.png",
    "2-structure.png",
    "3-distribution.png",
    "4-tornado.png",
    "5-fan.png",
    "6-convergence.png",
    "7-targets.png",
    "8-feasibility.png",
    "index.html",
    "summary.json",
    "projection.csv",
    "audit.csv",
    "simulation.csv",
];

/// A test hook: `GRDP_TEST_ABORT=<stage>` ends the process at that stage as
/// a kill would, with no clean-up, so the crash tests can reach every stage.
pub fn abort_if_asked(stage: &str) {
    if std::env::var_os("GRDP_TEST_ABORT").is_some_and(|s| s == stage) {
        std::process::abort();
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> ReportError + '_ {
    move |source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The error of a folder left beside the report `target` that could not
/// be tidied: it names the folder, says what it holds and what to do.
fn left<'a>(
    target: &'a Path,
    leftover: &'a Path,
    kind: Leftover,
) -> impl Fn(std::io::Error) -> ReportError + 'a {
    move |source| ReportError::Leftover {
        target: target.to_path_buf(),
        leftover: leftover.to_path_buf(),
        kind,
        source,
    }
}

/// Whether `name` can be a file a report writes: a plain name in the
/// report folder, never a path (no `/`, `\\` or `:`, so no `..`, nothing
/// absolute and no drive) and never hidden (so never the marker).
fn is_report_file_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\', ':', '\0']) && !name.starts_with('.')
}

/// The files a report folder's marker says it wrote; `None` when the folder
/// has no marker (it is not a report). A listed name that could not be a
/// report's file (a path such as `../notes.txt`: a damaged marker, or one
/// written by hand) is left out, so it is never removed.
fn manifest(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    let listed: Vec<&str> = text
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // A marker of the first reports lists nothing: they wrote these.
    Some(if listed.is_empty() {
        EARLIER_REPORT_FILES.iter().map(|s| s.to_string()).collect()
    } else {
        listed
            .into_iter()
            .filter(|l| is_report_file_name(l))
            .map(str::to_string)
            .collect()
    })
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// [`names_in`], its error naming `dir`.
fn entries(dir: &Path) -> Result<Vec<String>, ReportError> {
    names_in(dir).map_err(io(dir))
}

/// What in `dir` a report did not write (everything, for a folder that is
/// not a report).
fn foreign(dir: &Path) -> Result<Vec<String>, ReportError> {
    let ours = manifest(dir).unwrap_or_default();
    Ok(entries(dir)?
        .into_iter()
        .filter(|n| n != MARKER && !ours.contains(n))
        .collect())
}

/// Finishes an old report left under a swap name: what it did not write
/// moves into `target` (where it was), what it wrote goes, and the folder
/// is removed. If a file cannot move back (`target` is gone, or holds the
/// same name), the leftover is renamed to a visible `grdp-recovered-*`
/// folder instead: nothing the report did not write is ever deleted.
fn finish_old(old: &Path, target: &Path) -> Result<(), ReportError> {
    let tidy = left(target, old, Leftover::SetAside);
    let ours = manifest(old).unwrap_or_default();
    for name in &ours {
        let _ = std::fs::remove_file(old.join(name));
    }
    let _ = std::fs::remove_file(old.join(MARKER));
    let mut stuck = false;
    for name in names_in(old).map_err(&tidy)? {
        let to = target.join(&name);
        if target.is_dir() && std::fs::symlink_metadata(&to).is_err() {
            std::fs::rename(old.join(&name), &to).map_err(io(&to))?;
        } else {
            stuck = true;
        }
    }
    if stuck {
        let parent = parent_of(old);
        let name = target
            .file_name()
            .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
        let mut n = 1;
        let mut keep = parent.join(format!("grdp-recovered-{name}"));
        while std::fs::symlink_metadata(&keep).is_ok() {
            n += 1;
            keep = parent.join(format!("grdp-recovered-{name}-{n}"));
        }
        std::fs::rename(old, &keep).map_err(&tidy)?;
        return Ok(());
    }
    std::fs::remove_dir(old).map_err(tidy)
}

/// Tidies what crashed runs left for `target` in `parent` (the caller holds
/// the lock): builds are removed, swaps finished, and an old report moved
/// aside by the fallback swap restored if `target` is missing.
fn recover(parent: &Path, name: &str, target: &Path) -> Result<(), ReportError> {
    for entry in entries(parent)? {
        let path = parent.join(&entry);
        if entry.starts_with(&format!(".grdp-report-build-{name}-")) {
            std::fs::remove_dir_all(&path).map_err(left(target, &path, Leftover::HalfBuilt))?;
        } else if entry.starts_with(&format!(".grdp-report-prev-{name}-"))
            && std::fs::symlink_metadata(target).is_err()
        {
            std::fs::rename(&path, target).map_err(io(target))?;
        } else if entry.starts_with(&format!(".grdp-report-swap-{name}-"))
            || entry.starts_with(&format!(".grdp-report-prev-{name}-"))
        {
            finish_old(&path, target)?;
        }
    }
    Ok(())
}

/// Exchanges two folders atomically where the system can; `false` where it
/// cannot (the caller falls back to two renames).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(unix)]
fn mode_of(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).ok().map(|m| m.permissions().mode())
}

#[cfg(not(unix))]
fn mode_of(_: &Path) -> Option<u32> {
    None
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

/// Where the report goes: an existing folder (links followed, `.` named
/// by its real path) or a new name in an existing folder.
fn resolve(target: &Path) -> Result<PathBuf, ReportError> {
    // `/dev/stdout` redirected to a file is still standard output.
    if super::file::any_descriptor(target).is_some() {
        return Err(ReportError::IsAStream {
            path: target.to_path_buf(),
        });
    }
    match std::fs::metadata(target) {
        Ok(m) if m.is_dir() => std::fs::canonicalize(target).map_err(io(target)),
        Ok(m) if m.is_file() => Err(ReportError::IsAFile {
            path: target.to_path_buf(),
        }),
        Ok(_) => Err(ReportError::IsAStream {
            path: target.to_path_buf(),
        }),
        Err(_) => {
            // A link to nothing: renaming the report onto it would fail
            // after the report is built.
            if let Ok(to) = std::fs::read_link(target) {
                return Err(ReportError::DanglingLink {
                    path: target.to_path_buf(),
                    to,
                });
            }
            let parent = parent_of(target);
            let Some(name) = target.file_name() else {
                return Err(ReportError::IsAFolder {
                    path: target.to_path_buf(),
                });
            };
            if let Some(problem) = super::folder_problem(target, &parent) {
                return Err(problem);
            }
            Ok(std::fs::canonicalize(&parent)
                .map_err(io(&parent))?
                .join(name))
        }
    }
}

/// The files an earlier report in `folder` wrote, which a new report there
/// replaces (`None` when the folder is not a report).
pub fn report_files(folder: &Path) -> Option<Vec<String>> {
    manifest(folder)
}

/// Checks, before a long run, that `target` could be the report folder:
/// a new name in an existing folder, or an existing folder that is an
/// earlier report, is empty, or (with `force`) is anything. Nothing is
/// created; [`write_report_dir`] checks again, and does the rest.
pub fn check_report_path(target: &Path, force: bool) -> Result<(), ReportError> {
    let target = resolve(target)?;
    if target.is_dir() && !force && manifest(&target).is_none() && !foreign(&target)?.is_empty() {
        return Err(ReportError::NotAReport { path: target });
    }
    Ok(())
}

/// Writes `files` (name, bytes) as the report folder `target`.
///
/// An existing `target` is replaced when it is an earlier grdp report
/// (files it did not write stay, moved into the new report) or empty; a
/// folder that is neither is refused unless `force`, and then every file
/// in it stays too. A file the report would write over, that an earlier
/// report did not write, is refused even with `force`.
pub fn write_report_dir<I>(target: &Path, files: I, force: bool) -> Result<(), ReportError>
where
    I: IntoIterator<Item = Result<(String, Vec<u8>), ReportError>>,
{
    // Messages name the folder as the user gave it.
    let shown = target;
    let target = resolve(target)?;
    let parent = parent_of(&target);
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    // Two runs on one folder: the second waits here for the first.
    let lock = File::open(&parent).ok();
    if let Some(l) = &lock {
        l.lock().map_err(io(&parent))?;
    }
    recover(&parent, &name, &target)?;

    let exists = target.is_dir();
    let kept = if exists {
        foreign(&target)?
    } else {
        Vec::new()
    };
    if exists && manifest(&target).is_none() && !kept.is_empty() && !force {
        return Err(ReportError::NotAReport { path: target });
    }
    let files: Vec<(String, Vec<u8>)> = files.into_iter().collect::<Result<_, _>>()?;
    for (file, _) in &files {
        if !is_report_file_name(file) {
            return Err(ReportError::BadFileName(file.clone()));
        }
        if kept.contains(file) {
            return Err(ReportError::WouldReplaceForeign {
                path: target.clone(),
                file: file.clone(),
            });
        }
    }

    // Build the new report beside the target, whole, before touching it.
    let prefix = format!(".grdp-report-build-{name}-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let build = builder
        .tempdir_in(&parent)
        .map_err(|e| io(shown)(super::without_temp_path(e)))?;
    // Until it is renamed into place, a second Ctrl-C removes it.
    let unfinished = super::Unfinished::new(build.path());
    for (file, bytes) in &files {
        let path = build.path().join(file);
        let mut f = File::create(&path).map_err(io(&target.join(file)))?;
        f.write_all(bytes).map_err(io(&target.join(file)))?;
        f.sync_all().map_err(io(&target.join(file)))?;
        if let Some(mode) = mode_of(&target.join(file)) {
            set_mode(&path, mode).map_err(io(&target.join(file)))?;
        }
        abort_if_asked("writing");
    }
    let listed: String = files.iter().map(|(f, _)| format!("{f}\n")).collect();
    std::fs::write(
        build.path().join(MARKER),
        format!("grdp {}\n{listed}", env!("CARGO_PKG_VERSION")),
    )
    .map_err(io(&target.join(MARKER)))?;
    if let Some(mode) = mode_of(&target) {
        set_mode(build.path(), mode).map_err(io(&target))?;
    }
    let built = build.keep();
    let suffix = built
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = suffix.trim_start_matches(&format!(".grdp-report-build-{name}-"));
    let swap = parent.join(format!(".grdp-report-swap-{name}-{suffix}"));
    std::fs::rename(&built, &swap).map_err(io(&target))?;
    drop(unfinished);
    abort_if_asked("swap");

    if !exists {
        std::fs::rename(&swap, &target).map_err(io(&target))?;
        return Ok(());
    }
    if !exchange(&swap, &target) {
        // No atomic exchange here: the old report steps aside under a name
        // the next run restores from if this one dies before the second rename.
        let prev = parent.join(format!(".grdp-report-prev-{name}-{suffix}"));
        std::fs::rename(&target, &prev).map_err(io(&target))?;
        std::fs::rename(&swap, &target).map_err(io(&target))?;
        std::fs::rename(&prev, &swap).map_err(left(&target, &prev, Leftover::SetAside))?;
    }
    abort_if_asked("after-swap");
    // The old report, now under the swap name: keep what it did not write.
    finish_old(&swap, &target)
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
            .filter(|n| n.starts_with(".grdp-"))
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
    fn a_rerun_replaces_what_the_report_wrote_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report");
        write_report_dir(&target, files(3), false).unwrap();
        std::fs::write(target.join("notes.txt"), "keep me").unwrap();
        write_report_dir(&target, files(1), false).unwrap();
        let mut names = entries(&target).unwrap();
        names.sort();
        assert_eq!(names, [".grdp-report", "f0.txt", "notes.txt"]);
        assert_eq!(
            std::fs::read_to_string(target.join("notes.txt")).unwrap(),
            "keep me"
        );
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn another_folder_needs_force_and_keeps_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("mine");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("notes.txt"), "keep me").unwrap();
        let e = write_report_dir(&other, files(1), false).unwrap_err();
        assert!(matches!(e, ReportError::NotAReport { .. }), "{e}");
        write_report_dir(&other, files(1), true).unwrap();
        assert_eq!(
            std::fs::read_to_string(other.join("notes.txt")).unwrap(),
            "keep me"
        );
        assert!(other.join("f0.txt").exists());
        // A file of the same name as one the report writes is never replaced.
        std::fs::write(other.join("f1.txt"), "mine too").unwrap();
        let e = write_report_dir(&other, files(2), true).unwrap_err();
        assert!(matches!(e, ReportError::WouldReplaceForeign { .. }), "{e}");
        assert_eq!(
            std::fs::read_to_string(other.join("f1.txt")).unwrap(),
            "mine too"
        );
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(
            write_report_dir(&file, files(1), true).unwrap_err(),
            ReportError::IsAFile { .. }
        ));
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn what_a_crash_left_is_finished_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report");
        write_report_dir(&target, files(2), false).unwrap();
        // A crash right after the exchange: the old report, with a note of
        // the user's, sits under the swap name.
        let swap = dir.path().join(".grdp-report-swap-report-x1");
        std::fs::create_dir(&swap).unwrap();
        std::fs::write(swap.join(MARKER), "grdp 0.1.0\nold.txt\n").unwrap();
        std::fs::write(swap.join("old.txt"), "old").unwrap();
        std::fs::write(swap.join("notes.txt"), "keep me").unwrap();
        // A crash while building another.
        let build = dir.path().join(".grdp-report-build-report-x2");
        std::fs::create_dir(&build).unwrap();
        std::fs::write(build.join("f0.txt"), "half").unwrap();
        write_report_dir(&target, files(1), false).unwrap();
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
        assert_eq!(
            std::fs::read_to_string(target.join("notes.txt")).unwrap(),
            "keep me"
        );
        assert!(!target.join("old.txt").exists());
    }

    #[test]
    fn what_cannot_be_tidied_is_named_for_what_it_is_and_kept() {
        // Not folders a run left, though named like them: nothing is
        // removed, and the error names each, says what such a folder holds
        // and what to do, and names the report folder beside it.
        for (left_name, kind, says) in [
            (
                ".grdp-report-build-report-x9",
                Leftover::HalfBuilt,
                "half-built",
            ),
            (
                ".grdp-report-swap-report-x9",
                Leftover::SetAside,
                "your own",
            ),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let target = dir.path().join("report");
            let odd = dir.path().join(left_name);
            std::fs::write(&odd, "not a folder").unwrap();
            let e = write_report_dir(&target, files(1), false).unwrap_err();
            match &e {
                ReportError::Leftover {
                    leftover,
                    kind: k,
                    target: t,
                    ..
                } => {
                    assert_eq!(leftover.file_name().unwrap(), left_name);
                    assert_eq!(*k, kind);
                    assert_eq!(t.file_name().unwrap(), "report");
                }
                other => panic!("{left_name}: {other}"),
            }
            let shown = e.to_string();
            assert!(shown.contains(left_name) && shown.contains(says), "{shown}");
            assert_eq!(std::fs::read_to_string(&odd).unwrap(), "not a folder");
            assert!(!target.exists());
        }
    }

    #[test]
    fn a_marker_never_names_a_file_outside_the_folder() {
        // A damaged or hand-written marker lists paths: a file beside the
        // folder, one above it, an absolute one. None is removed.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report");
        std::fs::create_dir(&target).unwrap();
        let beside = dir.path().join("victim.txt");
        std::fs::write(&beside, "mine").unwrap();
        let nested = dir.path().join("sub");
        std::fs::create_dir(&nested).unwrap();
        std::fs::write(nested.join("deep.txt"), "mine").unwrap();
        let absolute = dir.path().join("abs.txt");
        std::fs::write(&absolute, "mine").unwrap();
        std::fs::write(
            target.join(MARKER),
            format!(
                "grdp 0.1.0\nf0.txt\n../victim.txt\n..\\victim.txt\n../sub/deep.txt\n{}\n.grdp-report\n",
                absolute.display()
            ),
        )
        .unwrap();
        std::fs::write(target.join("f0.txt"), "old").unwrap();
        write_report_dir(&target, files(1), false).unwrap();
        for f in [&beside, &nested.join("deep.txt"), &absolute] {
            assert_eq!(
                std::fs::read_to_string(f).unwrap(),
                "mine",
                "{}",
                f.display()
            );
        }
        assert_eq!(
            std::fs::read_to_string(target.join("f0.txt")).unwrap(),
            "x".repeat(10)
        );
        // Only the plain names are the report's.
        assert!(is_report_file_name("index.html"));
        for bad in [
            "../victim.txt",
            "/tmp/abs.txt",
            "a\\b",
            "C:x",
            ".grdp-report",
            "",
        ] {
            assert!(!is_report_file_name(bad), "{bad}");
        }
    }
}
