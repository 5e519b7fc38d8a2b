//! No file is ever lost: one test per way an output could destroy what
//! was there, each checking the bytes (and kinds and modes) of every
//! pre-existing file afterwards; and a crash test that kills `grdp report`
//! at every stage of writing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{BUILTIN, code, grdp, grdp_in, stderr, stdout};

/// A small, fast report: 4,000 scenarios a view, no optimism runs.
const SMALL: [&str; 5] = ["-n", "4000", "--optimism-bias", "none", "-q"];

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".grdp-") && n != ".grdp-report")
        .collect()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
#[cfg(unix)]
fn a_device_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let o = grdp(&["project", "--format", "json", "-o", "/dev/null"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let kind = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/null is no longer a device");
}

#[test]
#[cfg(unix)]
fn a_symbolic_link_is_followed_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let o = grdp_in(
        Some(dir.path()),
        &["project", "--format", "json", "-o", "link.json"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(written.contains("\"scenario\": \"Cần Thơ"), "{written}");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
#[cfg(unix)]
fn a_fifo_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = grdp(&["project", "--format", "csv", "-o", fifo.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let read = reader.join().unwrap();
    assert!(read.starts_with("year,component,"), "{read}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

/// `-o /dev/stdout` with standard output a pipe (as `Command` makes it):
/// the link ends at `/proc/self/fd/1`, whose own link `pipe:[…]` names
/// nothing in a folder; it was followed as a path and refused ("cannot
/// write /dev/stdout: No such file or directory").
#[test]
#[cfg(target_os = "linux")]
fn dev_stdout_in_a_pipe_is_written_through() {
    let o = grdp(&["project", "--format", "csv", "-o", "/dev/stdout"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("year,component,"), "{out}");
}

/// `-o /dev/stdout` with standard output redirected to a file (`>> log`)
/// writes through the shell's descriptor: the log keeps its lines. It was
/// followed to the file's path and replaced by a new file, losing them.
#[test]
#[cfg(target_os = "linux")]
fn dev_stdout_onto_a_file_appends_through_the_descriptor() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.txt");
    std::fs::write(&log, "LINE1\nLINE2\n").unwrap();
    let append = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args(["project", "--format", "csv", "-o", "/dev/stdout"])
        .stdout(append)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("LINE1\nLINE2\nyear,component,"), "{text}");
    // Other spellings of the same descriptor, and a link to the folder of
    // descriptors, also write through it (each replaced the log).
    let fds = dir.path().join("fds");
    std::os::unix::fs::symlink("/proc/self/fd", &fds).unwrap();
    let through_link = fds.join("1");
    for path in [
        "/dev/fd//1",
        "/proc/self/./fd/1",
        "/proc/thread-self/fd/1",
        through_link.to_str().unwrap(),
    ] {
        std::fs::write(&log, "KEEP\n").unwrap();
        let append = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_grdp"))
            .args(["project", "--format", "csv", "-o", path])
            .stdout(append)
            .output()
            .unwrap();
        assert_eq!(code(&o), 0, "{path}: {}", stderr(&o));
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("KEEP\nyear,component,"), "{path}: {text}");
    }
    // Another open descriptor is refused, not followed to its file.
    let o = grdp(&["project", "-o", "/dev/fd/7"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("open file descriptor 7"),
        "{}",
        stderr(&o)
    );
}

/// A reader that stops early (`grdp project | head -1`) ends the run
/// quietly with success, as other command-line tools do: the broken pipe is
/// not an error of grdp's. (The full-output message above once hid the
/// error's kind and turned this into exit 1.)
#[test]
#[cfg(unix)]
fn a_reader_that_stops_early_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args(["project", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before grdp writes: its first write meets a
    // closed pipe.
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

/// A full standard output is named as such, not as a bare system error.
#[test]
#[cfg(target_os = "linux")]
fn a_full_standard_output_is_named() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("/dev/full unavailable; skipped");
        return;
    };
    let o = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args(["project"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("cannot write to standard output"),
        "{}",
        stderr(&o)
    );
}

/// A full standard error loses the warnings, not the run: `eprintln!`
/// panicked (exit 101) on the first warning.
#[test]
#[cfg(target_os = "linux")]
fn a_full_standard_error_does_not_end_the_run() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("/dev/full unavailable; skipped");
        return;
    };
    // The small scenario loads with a warning (a component without kind).
    let small = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/small.toml");
    let o = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args(["project", small])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("2025"));
}

/// Regression: an output in a folder that does not exist was reported
/// through the temporary file's name ("No such file or directory ... at
/// path .../.grdp-s.toml-XXXX.tmp"), a name the user never gave.
#[test]
fn an_output_in_a_missing_folder_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (args, file) in [
        (
            vec!["scenarios", "cantho-2025", "-o", "gone/s.toml"],
            "gone/s.toml",
        ),
        (vec!["project", "-o", "gone/p.csv"], "gone/p.csv"),
        (
            vec!["simulate", "-n", "1000", "-q", "--save-draws", "gone/d.csv"],
            "gone/d.csv",
        ),
    ] {
        let out = grdp_in(Some(dir.path()), &args);
        let err = stderr(&out);
        assert_eq!(code(&out), 1, "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "cannot write {file}: the folder gone does not exist"
            )),
            "{args:?}: {err}"
        );
        assert!(!err.contains(".grdp-"), "{args:?}: {err}");
    }
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

/// Regression: a report folder named by a link to nothing failed only at
/// the last rename, leaving the built report beside it.
#[cfg(unix)]
#[test]
fn a_report_onto_a_link_to_nothing_is_refused_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("nothere", dir.path().join("lnk")).unwrap();
    let out = grdp_in(
        Some(dir.path()),
        &["report", "-o", "lnk", "-n", "1000", "-q"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write lnk: it is a link to nothere, which does not exist"),
        "{}",
        stderr(&out)
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the link: {left:?}");
}

/// Regression (second review, L5): a scenario saved in an earlier report's
/// folder under a name the report writes was replaced by the new report's
/// file (under another name it is kept, as the rerun test below shows).
#[test]
fn an_input_inside_the_report_folder_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let first = grdp_in(Some(dir.path()), &["report", "-o", "r", "-n", "2000", "-q"]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    std::fs::write(dir.path().join("r/summary.json"), BUILTIN).unwrap();
    let out = grdp_in(
        Some(dir.path()),
        &["report", "r/summary.json", "-o", "r", "-n", "2000", "-q"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is in the report folder r under a name the report writes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("r/summary.json")).unwrap(),
        BUILTIN
    );
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.toml");
    std::fs::write(&s, BUILTIN).unwrap();
    let h = dir.path().join("h.csv");
    let history = include_str!("../data/history.csv");
    std::fs::write(&h, history).unwrap();
    for args in [
        vec!["project", "s.toml", "-o", "s.toml"],
        vec!["audit", "s.toml", "-o", "./s.toml"],
        vec!["calibrate", "h.csv", "-o", "h.csv"],
        vec![
            "simulate",
            "s.toml",
            "-n",
            "1000",
            "-q",
            "--save-draws",
            "s.toml",
        ],
        vec![
            "simulate",
            "s.toml",
            "-n",
            "1000",
            "-q",
            "--optimism-bias",
            "history",
            "--history",
            "h.csv",
            "-o",
            "h.csv",
        ],
    ] {
        let o = grdp_in(Some(dir.path()), &args);
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("it is the input"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(std::fs::read_to_string(&s).unwrap(), BUILTIN, "{args:?}");
        assert_eq!(std::fs::read_to_string(&h).unwrap(), history, "{args:?}");
        assert!(leftovers(dir.path()).is_empty(), "{args:?}");
    }
    // The table and the draws into one file: refused before anything is written.
    let o = grdp_in(
        Some(dir.path()),
        &[
            "simulate",
            "-n",
            "1000",
            "-q",
            "-o",
            "x.csv",
            "--save-draws",
            "x.csv",
        ],
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("name the same file"), "{}", stderr(&o));
    assert!(!dir.path().join("x.csv").exists());
}

#[test]
#[cfg(unix)]
fn a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.json");
    std::fs::write(&old, "x").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
    let o = grdp_in(
        Some(dir.path()),
        &["project", "--format", "json", "-o", "old.json"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(mode(&old), 0o644);
    // What the umask gives a new file here, as std creates it.
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    let o = grdp_in(
        Some(dir.path()),
        &["project", "--format", "json", "-o", "new.json"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(mode(&dir.path().join("new.json")), mode(&probe));
}

#[test]
#[cfg(unix)]
fn a_stale_temporary_file_of_a_killed_run_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".grdp-out.json-abc123.tmp");
    std::fs::write(&stale, "half a file").unwrap();
    // Older than a run could be holding it unlocked.
    let ok = Command::new("touch")
        .args(["-d", "2020-01-01"])
        .arg(&stale)
        .status();
    if !ok.is_ok_and(|s| s.success()) {
        eprintln!("touch -d unavailable; skipped");
        return;
    }
    let o = grdp_in(
        Some(dir.path()),
        &["project", "--format", "json", "-o", "out.json"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// Writes a report into `dir/r` with `extra` options.
fn report_into(dir: &Path, extra: &[&str]) -> std::process::Output {
    let out = dir.join("r");
    let mut args = vec!["report", "-o", out.to_str().unwrap()];
    args.extend_from_slice(&SMALL);
    args.extend_from_slice(extra);
    grdp(&args)
}

/// Every file of a folder with its bytes, sorted.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_rerun_keeps_the_files_a_report_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let o = report_into(dir.path(), &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let r = dir.path().join("r");
    std::fs::write(r.join("notes.txt"), "the council asked for 10 %").unwrap();
    std::fs::write(r.join("my-scenario.toml"), BUILTIN).unwrap();
    std::fs::create_dir(r.join("drafts")).unwrap();
    std::fs::write(r.join("drafts").join("v1.txt"), "draft").unwrap();
    // The scenario inside the folder is the input of the rerun.
    let o = report_into(dir.path(), &[r.join("my-scenario.toml").to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(r.join("notes.txt")).unwrap(),
        "the council asked for 10 %"
    );
    assert_eq!(
        std::fs::read_to_string(r.join("my-scenario.toml")).unwrap(),
        BUILTIN
    );
    assert_eq!(
        std::fs::read_to_string(r.join("drafts").join("v1.txt")).unwrap(),
        "draft"
    );
    assert!(r.join("index.html").exists());
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn another_folders_files_survive_force() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("r");
    std::fs::create_dir(&r).unwrap();
    std::fs::write(r.join("budget.xlsx"), b"PK\x03\x04 not really").unwrap();
    let before = snapshot(&r);
    let o = report_into(dir.path(), &[]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(snapshot(&r), before, "refused, untouched");
    let o = report_into(dir.path(), &["--force"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read(r.join("budget.xlsx")).unwrap(), before[0].1);
    // A file of the user's named as a report file is never replaced.
    std::fs::remove_file(r.join(".grdp-report")).unwrap();
    std::fs::write(r.join("summary.json"), "mine").unwrap();
    let o = report_into(dir.path(), &["--force"]);
    assert_ne!(code(&o), 0);
    assert_eq!(
        std::fs::read_to_string(r.join("summary.json")).unwrap(),
        "mine"
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_report_into_the_current_folder_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let o = report_into(dir.path(), &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let r = dir.path().join("r");
    let mut args = vec!["report", "-o", "."];
    args.extend_from_slice(&SMALL);
    let o = grdp_in(Some(&r), &args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(leftovers(dir.path()).is_empty());
    assert!(leftovers(&r).is_empty());
    assert!(r.join("index.html").exists());
}

#[test]
fn concurrent_reports_into_one_folder_all_succeed_and_leave_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    // All started before any is waited for: they run at once.
    let started: Vec<_> = (0..6)
        .map(|i| {
            let seed = format!("{}", i + 1);
            Command::new(env!("CARGO_BIN_EXE_grdp"))
                .args(["report", "-o", out.to_str().unwrap(), "--seed", &seed])
                .args(SMALL)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let children: Vec<_> = started
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for c in &children {
        assert_eq!(code(c), 0, "{}", stderr(c));
    }
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        25,
        "24 files (9 charts with the year so far, their 9 phone copies, page, 4 tables, workbook) and the marker"
    );
    assert!(leftovers(dir.path()).is_empty());
}

/// The seed a report folder was made with (from its summary.json).
fn seed_of(dir: &Path) -> u64 {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap();
    v["simulation"]["metadata"]["seed"].as_u64().unwrap()
}

#[test]
fn a_report_killed_at_any_stage_leaves_the_old_report_or_the_new_one() {
    for (stage, survivor) in [
        ("simulating", 1),
        ("rendering", 1),
        ("writing", 1),
        ("swap", 1),
        ("after-swap", 2),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let r: PathBuf = dir.path().join("r");
        let o = report_into(dir.path(), &["--seed", "1"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        std::fs::write(r.join("notes.txt"), "keep me").unwrap();
        let old = snapshot(&r);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_grdp"));
        cmd.args(["report", "-o", r.to_str().unwrap(), "--seed", "2"])
            .args(SMALL)
            .env("GRDP_TEST_ABORT", stage);
        let killed = cmd.output().unwrap();
        assert_ne!(code(&killed), 0, "{stage}: the run was not killed");
        // Whole: the old report byte for byte, or the new one with every file.
        assert!(r.is_dir(), "{stage}: the report folder is gone");
        assert_eq!(seed_of(&r), survivor, "{stage}");
        if survivor == 1 {
            assert_eq!(snapshot(&r), old, "{stage}: the old report changed");
        }
        // The next run tidies up and keeps the user's note.
        let o = report_into(dir.path(), &["--seed", "3"]);
        assert_eq!(code(&o), 0, "{stage}: {}", stderr(&o));
        assert_eq!(seed_of(&r), 3);
        assert_eq!(
            std::fs::read_to_string(r.join("notes.txt")).unwrap(),
            "keep me",
            "{stage}"
        );
        assert!(
            leftovers(dir.path()).is_empty(),
            "{stage}: {:?}",
            leftovers(dir.path())
        );
    }
}

/// A write that fails half way (here the file-size limit, as a full disk
/// would) names the output the user gave, never the temporary file beside
/// it, and leaves neither behind.
#[test]
#[cfg(target_os = "linux")]
fn a_write_that_fails_names_the_output_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "trap '' XFSZ; ulimit -f 64; exec '{}' simulate -n 100000 -q --save-draws draws.csv",
        env!("CARGO_BIN_EXE_grdp")
    );
    let o = Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(err.contains("draws.csv: File too large"), "{err}");
    assert!(!err.contains(".tmp") && !err.contains(".grdp-"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// `--save-draws -` is standard output, as `-o -` is: the draws go there
/// when the table has a file, and no file named `-` appears. With the
/// table on standard output too, the two would be mixed: refused.
#[test]
fn save_draws_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = grdp_in(
        Some(dir.path()),
        &[
            "simulate",
            "-n",
            "10",
            "-q",
            "--save-draws",
            "-",
            "-o",
            "t.json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let draws = stdout(&o);
    let mut lines = draws.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("scenario,agriculture_growth_pct,"),
        "{draws}"
    );
    // A header and one row a draw.
    assert_eq!(lines.count(), 10, "{draws}");
    assert!(!dir.path().join("-").exists());
    assert!(dir.path().join("t.json").exists());
    for args in [
        vec!["simulate", "-n", "10", "-q", "--save-draws", "-"],
        vec!["simulate", "-n", "10", "-q", "--save-draws", "-", "-o", "-"],
        vec!["simulate", "-n", "10", "-q", "--save-draws", "/dev/stdout"],
    ] {
        let o = grdp_in(Some(dir.path()), &args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(
            stderr(&o).contains("both go to standard output"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty(), "{args:?}");
        assert!(!dir.path().join("-").exists(), "{args:?}");
    }
}

/// Every spelling of standard output is known as such (`//dev/stdout`, a
/// link of one's own to it), so draws and table are never mixed in it; a
/// draws file that standard output is redirected to is refused, since the
/// table would go to the file it replaces.
#[cfg(unix)]
#[test]
fn draws_and_table_never_share_standard_output_however_spelt() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/stdout", dir.path().join("lnk")).unwrap();
    for spelling in ["//dev/stdout", "/dev/./stdout", "/dev/../dev/stdout", "lnk"] {
        let o = grdp_in(
            Some(dir.path()),
            &["simulate", "-n", "10", "-q", "--save-draws", spelling],
        );
        assert_eq!(code(&o), 2, "{spelling}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("both go to standard output"),
            "{spelling}"
        );
        assert!(stdout(&o).is_empty(), "{spelling}");
    }
    std::fs::write(dir.path().join("d.csv"), "PRECIOUS\n").unwrap();
    let sh = format!(
        "'{}' simulate -n 10 -q --save-draws d.csv >> d.csv",
        env!("CARGO_BIN_EXE_grdp")
    );
    let o = Command::new("sh")
        .arg("-c")
        .arg(&sh)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.csv")).unwrap(),
        "PRECIOUS\n"
    );
}

/// Draws on standard output whose reader stops early (`| head -1`): the
/// rest are dropped, the table still reaches its file, exit 0. The table
/// had been left unwritten, the run calling itself a success.
#[cfg(unix)]
#[test]
fn a_reader_of_the_draws_that_stops_early_does_not_cost_the_table() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), "OLD\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args([
            "simulate",
            "-n",
            "300000",
            "-q",
            "--save-draws",
            "-",
            "-o",
            "t.csv",
            "--format",
            "csv",
        ])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone (its end of the pipe dropped).
    let o = child.wait_with_output().unwrap();
    assert!(first.starts_with("scenario,"), "{first}");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let table = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
    assert!(table.starts_with("view,probability,"), "{table}");
}
