//! Ctrl-C during a long run: a prompt exit with a message, nothing written.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Whether process `pid` catches SIGINT (bit 2 of SigCgt in /proc).
fn catches_sigint(pid: u32) -> Option<bool> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("SigCgt:"))?;
    let mask = u64::from_str_radix(line.split_whitespace().nth(1)?, 16).ok()?;
    Some(mask & 0b10 != 0)
}

/// Starts `grdp args` in a fresh folder, sends SIGINT half a second after
/// its handler is installed, and checks the exit code (130), the message,
/// the promptness and that nothing was left in the folder. `None` where the
/// environment forbids catching SIGINT.
fn interrupt(args: &[&str]) -> Option<()> {
    interrupt_times(args, 1)
}

/// [`interrupt`] with `times` SIGINTs sent one right after the other (the
/// second ends the process at once: no message is promised, but nothing
/// may be left behind either).
fn interrupt_times(args: &[&str], times: usize) -> Option<()> {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args(args)
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the handler is installed (the binary has started).
    let start = Instant::now();
    while catches_sigint(child.id()) != Some(true) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    if catches_sigint(child.id()) != Some(true) {
        // Only where the environment forbids catching SIGINT (a background
        // job of a non-interactive shell); nothing to test there.
        let _ = child.kill();
        let _ = child.wait();
        eprintln!("SIGINT cannot be caught in this environment; skipped");
        return None;
    }
    std::thread::sleep(Duration::from_millis(500));
    let sent = Instant::now();
    for _ in 0..times {
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{args:?}: {err}");
    assert!(
        sent.elapsed() < Duration::from_secs(15),
        "took {:?}",
        sent.elapsed()
    );
    if times == 1 && args.contains(&"vi") {
        assert!(
            err.starts_with("đã dừng sau ")
                && err.contains(" trên 15.000.000 lần mô phỏng; chưa ghi tệp nào"),
            "{err}"
        );
    } else if times == 1 {
        assert!(
            err.contains("interrupted") && err.contains("no file was written"),
            "{err}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    Some(())
}

#[test]
fn ctrl_c_stops_a_long_simulation_and_leaves_nothing() {
    interrupt(&[
        "simulate",
        "-n",
        "15000000",
        "-q",
        "--save-draws",
        "draws.csv",
    ]);
}

/// The same under `--lang vi`, said in Vietnamese.
#[test]
fn ctrl_c_is_reported_in_vietnamese_under_lang_vi() {
    interrupt(&["simulate", "-n", "15000000", "-q", "--lang", "vi"]);
}

/// Regression: a second Ctrl-C, which ends the process at once (or GNU
/// `timeout -s INT`, which signals twice), left the draws' temporary file
/// behind, hundreds of MB (found by a hostile review).
#[test]
fn a_second_ctrl_c_ends_at_once_and_still_leaves_nothing() {
    interrupt_times(
        &[
            "simulate",
            "-n",
            "15000000",
            "-q",
            "--save-draws",
            "draws.csv",
            "-o",
            "out.json",
        ],
        2,
    );
}

/// Regression (issue "Right answers off the built-in path", bug 1): the
/// fast loop of a linear model reported a numeric error after Ctrl-C in
/// six runs of nine. Three runs, each must exit 130.
#[test]
fn ctrl_c_stops_the_fast_loop_of_a_linear_model() {
    let reference = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/peers/reference.toml");
    for _ in 0..3 {
        if interrupt(&[
            "simulate",
            reference,
            "-n",
            "20000000000",
            "--threads",
            "2",
            "-q",
        ])
        .is_none()
        {
            return;
        }
    }
}
