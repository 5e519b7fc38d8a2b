//! The bad-input corpus (tests/corpus/cases.toml): every case runs the binary
//! and checks the exit code, the words of the message, that no panic or
//! backtrace reaches the user, and that no partial output is left behind.

use std::path::Path;
use std::process::Command;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    exit: i32,
    contains: Vec<String>,
    /// Words the message must not contain (a warning that must not fire
    /// on valid data).
    #[serde(default)]
    lacks: Vec<String>,
    output: Option<String>,
    setup_dir: Option<String>,
    setup_file: Option<String>,
    /// A file of the corpus to copy to `{file}` with `replace` applied: one
    /// valid file, one thing wrong, without a file of its own for each case.
    base: Option<String>,
    #[serde(default)]
    replace: Vec<[String; 2]>,
}

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

/// The fewest bad inputs the corpus must hold (40 at first; the issue "Nothing
/// a user types can destroy a file or pass for a number" added 60).
const MIN_CASES: usize = 130;

/// A Vietnamese check of a case of `cases.toml`, by its name: the case is
/// run again with `--lang vi`, and its message must hold `contains` and
/// none of `lacks` (the English words it replaces).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VietnameseCheck {
    name: String,
    contains: Vec<String>,
    #[serde(default)]
    lacks: Vec<String>,
}

#[derive(Deserialize)]
struct VietnameseChecks {
    case: Vec<VietnameseCheck>,
}

/// Runs `case` with `extra` arguments after its own; `contains` and
/// `lacks` are the words its message must and must not hold. The
/// problems found, empty when it behaved.
fn run_case(
    root: &Path,
    case: &Case,
    extra: &[&str],
    contains: &[String],
    lacks: &[String],
) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    if let Some(d) = &case.setup_dir {
        std::fs::create_dir(tmp.path().join(d)).unwrap();
    }
    if let Some(f) = &case.setup_file {
        std::fs::write(tmp.path().join(f), "not a report").unwrap();
    }
    let file = case.base.as_ref().map(|b| {
        let mut text = std::fs::read_to_string(root.join(b)).unwrap();
        for [from, to] in &case.replace {
            assert!(
                text.contains(from.as_str()),
                "{}: {b} has no `{from}` to replace",
                case.name
            );
            text = text.replacen(from.as_str(), to, 1);
        }
        let name = Path::new(b).file_name().unwrap();
        let path = tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    });
    let mut args: Vec<String> = case
        .args
        .iter()
        .map(|a| {
            a.replace("{corpus}", root.to_str().unwrap())
                .replace("{tmp}", tmp.path().to_str().unwrap())
                .replace(
                    "{file}",
                    file.as_deref().map_or("", |f| f.to_str().unwrap()),
                )
        })
        .collect();
    args.extend(extra.iter().map(|a| a.to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_grdp"))
        .args(&args)
        .current_dir(tmp.path())
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(case.exit) {
        problems.push(format!(
            "exit {:?}, expected {}",
            out.status.code(),
            case.exit
        ));
    }
    for w in contains {
        if !err.contains(w.as_str()) {
            problems.push(format!("message lacks `{w}`"));
        }
    }
    for w in lacks {
        if err.contains(w.as_str()) {
            problems.push(format!("message holds `{w}`, which it must not"));
        }
    }
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") || err.contains("stack backtrace")
    {
        problems.push("a panic reached the user".into());
    }
    if let Some(o) = &case.output
        && tmp.path().join(o).exists()
    {
        problems.push(format!("{o} was left behind"));
    }
    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".grdp"))
        .collect();
    if !leftovers.is_empty() {
        problems.push(format!("temporary files left: {leftovers:?}"));
    }
    if case.exit != 0 && err.trim().is_empty() {
        problems.push("no message".into());
    }
    if problems.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{}: {}\n    stderr: {}",
            case.name,
            problems.join("; "),
            err.trim()
        )]
    }
}

#[test]
fn every_case_of_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus");
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(root.join("cases.toml")).unwrap())
        .expect("cases.toml parses");
    let bad = corpus.case.iter().filter(|c| c.exit != 0).count();
    assert!(bad >= MIN_CASES, "only {bad} bad inputs in the corpus");
    let mut failures = Vec::new();
    for case in &corpus.case {
        failures.extend(run_case(&root, case, &[], &case.contains, &case.lacks));
    }
    eprintln!(
        "corpus: {} cases, {bad} of them bad inputs",
        corpus.case.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        corpus.case.len(),
        failures.join("\n")
    );
}

/// The corpus's cases again under `--lang vi`, where a
/// `vietnamese-*.toml` file of the corpus says what the message must say
/// in Vietnamese (and which English words it must have lost).
#[test]
fn the_corpus_in_vietnamese() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus");
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(root.join("cases.toml")).unwrap())
        .expect("cases.toml parses");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("vietnamese-") && n.ends_with(".toml"))
        })
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    for f in &files {
        let checks: VietnameseChecks = toml::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for check in &checks.case {
            let Some(case) = corpus.case.iter().find(|c| c.name == check.name) else {
                failures.push(format!(
                    "{}: no case `{}` in cases.toml",
                    f.display(),
                    check.name
                ));
                continue;
            };
            assert!(
                !checked.contains(&check.name),
                "`{}` is checked twice",
                check.name
            );
            checked.push(check.name.clone());
            failures.extend(run_case(
                &root,
                case,
                &["--lang", "vi"],
                &check.contains,
                &check.lacks,
            ));
        }
    }
    eprintln!("corpus in Vietnamese: {} cases", checked.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed in Vietnamese:\n{}",
        failures.len(),
        checked.len(),
        failures.join("\n")
    );
}
