//! Golden outputs: what every command prints today, byte for byte, for the
//! built-in scenario and for `tests/golden/small.toml`.
//!
//! These are change detectors, not correctness tests: they say *that* an
//! output changed, and the hand-worked tests elsewhere say whether it is
//! right. A refactor must leave them untouched. A change that is meant to
//! move results (a fix, a new sampler) rewrites them in its own commit and
//! says why:
//!
//! ```sh
//! GRDP_BLESS=1 cargo test --test integration golden
//! git diff --stat tests/golden
//! ```
//!
//! Text outputs are kept whole, so a diff shows what moved; charts are kept
//! as SHA-256 digests of the PNG bytes (`png.sha256`), so the repository
//! does not carry a copy of every chart for every change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::util::{code, grdp, stderr};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn blessing() -> bool {
    std::env::var_os("GRDP_BLESS").is_some_and(|v| v == "1")
}

/// Compares `actual` with the golden file `name`, or writes it when blessing.
fn check(name: &str, actual: &[u8]) {
    let path = golden_dir().join(name);
    if blessing() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; record it with GRDP_BLESS=1 cargo test --test integration golden",
            path.display()
        )
    });
    if expected != actual {
        let exp = String::from_utf8_lossy(&expected);
        let act = String::from_utf8_lossy(actual);
        let line = exp
            .lines()
            .zip(act.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| exp.lines().count().min(act.lines().count()));
        panic!(
            "{} changed (first difference at line {}):\n  golden: {}\n  now:    {}\nIf the change is meant, rewrite the goldens with GRDP_BLESS=1 and say why in the commit.",
            path.display(),
            line + 1,
            exp.lines().nth(line).unwrap_or("<end>"),
            act.lines().nth(line).unwrap_or("<end>")
        );
    }
}

/// Runs `grdp args` and checks its standard output against `name`.
fn command(name: &str, args: &[&str]) {
    let o = grdp(args);
    assert_eq!(code(&o), 0, "grdp {}: {}", args.join(" "), stderr(&o));
    check(name, &o.stdout);
}

/// Writes a report with `args` and checks every file of the folder.
fn report(name: &str, args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let mut all = vec!["report", "-o", out.to_str().unwrap(), "-q"];
    all.extend_from_slice(args);
    let o = grdp(&all);
    assert_eq!(code(&o), 0, "grdp {}: {}", all.join(" "), stderr(&o));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    let mut digests = String::new();
    for f in &files {
        let file = f.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(f).unwrap();
        if file.ends_with(".png") {
            let hex: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            writeln!(digests, "{hex}  {file}").unwrap();
        } else {
            check(&format!("{name}/{file}"), &bytes);
        }
    }
    check(&format!("{name}/png.sha256"), digests.as_bytes());
}

/// The second scenario, relative to the package root (the tests' folder).
const SMALL: &str = "tests/golden/small.toml";
/// The reference model of the benchmarks: one year, linear, so the engine's
/// fast loop runs past the first chunks.
const REFERENCE: &str = "benches/peers/reference.toml";

macro_rules! golden {
    ($($test:ident: $kind:ident($name:literal, [$($arg:expr),* $(,)?]);)*) => {
        $(
            #[test]
            fn $test() {
                $kind($name, &[$($arg),*]);
            }
        )*
    };
}

golden! {
    project_builtin_json: command("builtin/project.json", ["project", "--format", "json"]);
    project_builtin_table: command("builtin/project.txt", ["project"]);
    project_builtin_csv_vi: command("builtin/project-vi.csv", ["project", "--format", "csv", "--lang", "vi"]);
    project_builtin_table_vi: command("builtin/project-vi.txt", ["project", "--lang", "vi"]);
    audit_builtin_json: command("builtin/audit.json", ["audit", "--format", "json"]);
    audit_builtin_table: command("builtin/audit.txt", ["audit"]);
    audit_builtin_table_vi: command("builtin/audit-vi.txt", ["audit", "--lang", "vi"]);
    audit_builtin_csv: command("builtin/audit.csv", ["audit", "--format", "csv"]);
    solve_builtin_component: command("builtin/solve-component.txt", ["solve", "--target", "9.5", "--component", "services"]);
    solve_builtin_component_json: command("builtin/solve-component.json", ["solve", "--target", "9.5", "--component", "services", "--format", "json"]);
    solve_builtin_uniform_csv: command("builtin/solve-uniform.csv", ["solve", "--target", "9.5", "--uniform", "--format", "csv"]);
    solve_builtin_uniform_vi: command("builtin/solve-uniform-vi.txt", ["solve", "--target", "9.5", "--uniform", "--lang", "vi"]);
    solve_builtin_period_json: command("builtin/solve-period.json", ["solve", "--period", "2021-2025", "--average", "7.5", "--format", "json"]);
    solve_builtin_period_vi: command("builtin/solve-period-vi.txt", ["solve", "--period", "2021-2030", "--average", "7.5", "--lang", "vi"]);
    simulate_builtin_json: command("builtin/simulate.json", ["simulate", "-n", "100000", "--optimism-bias", "history", "--format", "json", "-q"]);
    simulate_builtin_csv: command("builtin/simulate.csv", ["simulate", "-n", "100000", "--format", "csv", "-q"]);
    simulate_builtin_table_vi: command("builtin/simulate-vi.txt", ["simulate", "-n", "50000", "--optimism-bias", "history", "--lang", "vi", "-q"]);
    calibrate_builtin_toml: command("builtin/calibrate.toml", ["calibrate"]);
    calibrate_vietnam_json: command("builtin/calibrate-vietnam.json", ["calibrate", "--region", "vietnam", "--exclude", "2020,2021", "--scale-to", "can_tho", "--format", "json"]);
    report_builtin_en: report("builtin/report-en", ["-n", "40000"]);

    project_small_json: command("small/project.json", ["project", SMALL, "--format", "json"]);
    project_small_table_vi: command("small/project-vi.txt", ["project", SMALL, "--lang", "vi"]);
    audit_small_json: command("small/audit.json", ["audit", SMALL, "--format", "json"]);
    audit_small_table: command("small/audit.txt", ["audit", SMALL]);
    solve_small_component: command("small/solve-component.txt", ["solve", SMALL, "--target", "8", "--component", "non_farm", "--year", "2026"]);
    solve_small_period_csv: command("small/solve-period.csv", ["solve", SMALL, "--period", "2021-2026", "--average", "7", "--format", "csv"]);
    simulate_small_json: command("small/simulate.json", ["simulate", SMALL, "-n", "70000", "--format", "json", "-q"]);
    simulate_small_precision: command("small/simulate-precision.txt", ["simulate", SMALL, "-n", "400000", "--precision", "0.004", "--view", "trend,plan", "-q"]);
    simulate_small_csv_optimism: command("small/simulate-optimism.csv", ["simulate", SMALL, "-n", "40000", "--optimism-bias", "history", "--history-region", "can_tho", "--format", "csv", "-q"]);
    report_small_vi: report("small/report-vi", ["--lang", "vi", "-n", "40000", "--optimism-bias", "none", SMALL]);

    simulate_reference_json: command("reference/simulate.json", ["simulate", REFERENCE, "-n", "200000", "--format", "json", "-q"]);
}
