//! The Vietnamese vocabulary of every table, chart and page
//! (shared/style/VIETNAMESE.md): no word that misleads a planner may appear
//! in the report's sources, so none can reach a chart's axis, a legend or a
//! caption, which the page tests cannot read inside the PNGs.

use std::path::Path;

/// Words that mislead, and why.
const FORBIDDEN: [(&str, &str); 5] = [
    (
        "hạt giống",
        "a plant seed: write số khởi tạo ngẫu nhiên (seed)",
    ),
    ("góc nhìn", "not a planning word: a view is a kịch bản"),
    ("KTC", "unexplained: write khoảng tin cậy"),
    ("năm gốc", "the 2010 price base: write năm xuất phát"),
    (
        "độ bất định",
        "a physics term: write mức độ không chắc chắn",
    ),
];

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "toml") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn no_misleading_vietnamese_word_in_any_report_text() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 10, "found {} source files", files.len());
    // The built-in scenarios' Vietnamese names and notes reach the page too.
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/cantho"),
        &mut files,
    );
    let mut found = Vec::new();
    for (path, text) in &files {
        for (n, line) in text.lines().enumerate() {
            // Comments may name a word to say it is not used.
            let comment = if path.ends_with(".toml") { "#" } else { "//" };
            let code = line.split(comment).next().unwrap_or("");
            for (word, why) in FORBIDDEN {
                if code.contains(word) {
                    found.push(format!("{path}:{}: {word:?} ({why})", n + 1));
                }
            }
            // "giảm phát 4,06%" alone reads as deflation.
            for (at, _) in code.match_indices("giảm phát") {
                if !code[..at].ends_with("chỉ số ") {
                    found.push(format!(
                        "{path}:{}: bare \"giảm phát\" (write \"chỉ số giảm phát GRDP tăng\")",
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
