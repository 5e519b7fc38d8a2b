//! `grdp combine`: two provinces' bases combined, checked by hand.
//!
//! A: GRDP 400 bn at current prices (x 25 %, y 75 %: 100 and 300 bn),
//! weights at 2010 prices x 30 / y 70, 1,000 thousand people.
//! B: GRDP 600 bn (x 50 %, y 50 %: 300 and 300 bn), weights 60 / 40,
//! 500 thousand people.
//! Combined: 1,000 bn; x 400 bn, y 600 bn, a 40 / 60 structure; 1,500
//! thousand people. With weights only, the weights are averaged with
//! current-price GRDP: x = 0.4 × 30 + 0.6 × 60 = 48, y = 52. With
//! constant-price levels (A: 120 / 280, B: 330 / 220) they are summed:
//! 450 / 500, i.e. 47.3684 / 52.6316 %.

use crate::util::{code, grdp, stderr, stdout};

fn province(name: &str, gdp: f64, shares: (f64, f64), constant: &str, people: f64) -> String {
    format!(
        "format = 1\n[scenario]\nname = \"{name}\"\n[[components]]\nid = \"x\"\nkind = \"value_added\"\n[[components]]\nid = \"y\"\nkind = \"value_added\"\n[base]\nyear = 2024\ngrdp_current_bn_vnd = {gdp}\npopulation_thousand = {people}\n[base.share_current_pct]\nx = {}\ny = {}\n{constant}\n[[plan]]\nyear = 2025\n[plan.growth_pct]\nx = 5\ny = 5\n",
        shares.0, shares.1
    )
}

fn combine_json(a: &str, b: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::fs::write(&fa, a).unwrap();
    std::fs::write(&fb, b).unwrap();
    let o = grdp(&[
        "combine",
        fa.to_str().unwrap(),
        fb.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn close(v: &serde_json::Value, want: &[f64]) {
    let got: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-4, "{got:?} against {want:?}");
    }
}

#[test]
fn weights_only_are_averaged_with_current_price_gdp() {
    let (a, b) = weighted_pair();
    let v = combine_json(&a, &b);
    assert_eq!(v["method"], "current_price_weighted");
    assert!((v["grdp_current_bn_vnd"].as_f64().unwrap() - 1000.0).abs() < 1e-9);
    close(&v["share_current_pct"], &[40.0, 60.0]);
    close(&v["constant_weight_pct"], &[48.0, 52.0]);
    assert!((v["population_thousand"].as_f64().unwrap() - 1500.0).abs() < 1e-9);
}

#[test]
fn constant_levels_are_summed_and_the_block_loads_as_a_base() {
    let a = province(
        "A",
        400.0,
        (25.0, 75.0),
        "[base.constant_bn_vnd]\nx = 120\ny = 280",
        1000.0,
    );
    let b = province(
        "B",
        600.0,
        (50.0, 50.0),
        "[base.constant_bn_vnd]\nx = 330\ny = 220",
        500.0,
    );
    let v = combine_json(&a, &b);
    assert_eq!(v["method"], "constant_levels");
    close(&v["constant_weight_pct"], &[47.3684, 52.6316]);
    // The TOML block, pasted under a scenario's header and plan, projects.
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::fs::write(&fa, &a).unwrap();
    std::fs::write(&fb, &b).unwrap();
    let o = grdp(&["combine", fa.to_str().unwrap(), fb.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let merged = format!(
        "format = 1\n[scenario]\nname = \"merged\"\n[[components]]\nid = \"x\"\nkind = \"value_added\"\n[[components]]\nid = \"y\"\nkind = \"value_added\"\n{}\n[[plan]]\nyear = 2025\n[plan.growth_pct]\nx = 10\ny = 0\n",
        stdout(&o)
    );
    let file = dir.path().join("merged.toml");
    std::fs::write(&file, merged).unwrap();
    let o = grdp(&["project", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // 10 % growth of x with its 47.3684 % weight: 4.7368 %.
    let g = p["years"][0]["growth_pct"].as_f64().unwrap();
    assert!((g - 4.73684).abs() < 1e-4, "{g}");
}

/// Provinces A and B of the module's note, with weights only.
fn weighted_pair() -> (String, String) {
    (
        province(
            "A",
            400.0,
            (25.0, 75.0),
            "[base.constant_weight_pct]\nx = 30\ny = 70",
            1000.0,
        ),
        province(
            "B",
            600.0,
            (50.0, 50.0),
            "[base.constant_weight_pct]\nx = 60\ny = 40",
            500.0,
        ),
    )
}

/// `grdp combine a.toml b.toml` refused, in English and then in
/// Vietnamese: both messages, each from a run that exited 1.
fn refused(a: &str, b: &str) -> [String; 2] {
    let dir = tempfile::tempdir().unwrap();
    let (fa, fb) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    std::fs::write(&fa, a).unwrap();
    std::fs::write(&fb, b).unwrap();
    let (fa, fb) = (fa.to_str().unwrap(), fb.to_str().unwrap());
    [vec![], vec!["--lang", "vi"]].map(|extra| {
        let mut args = vec!["combine", fa, fb];
        args.extend(extra);
        let o = grdp(&args);
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        stderr(&o)
    })
}

#[test]
fn different_base_years_or_components_are_refused() {
    let (a, b) = weighted_pair();
    let b = b
        .replace("year = 2024", "year = 2023")
        .replace("year = 2025", "year = 2024");
    let [en, vi] = refused(&a, &b);
    assert!(en.contains("expected one base year"), "{en}");
    assert!(
        vi.contains("b.toml` có năm xuất phát 2023, `")
            && vi.contains("a.toml` có năm 2024; cần cùng một năm xuất phát"),
        "{vi}"
    );
}

/// A component counted as value added in one file and as product taxes in
/// the other is refused with both kinds as the files write them, in
/// either language.
#[test]
fn a_component_of_two_kinds_is_refused_in_the_files_words() {
    let (a, b) = weighted_pair();
    let b = b.replacen(
        "id = \"y\"\nkind = \"value_added\"",
        "id = \"y\"\nkind = \"product_taxes\"",
        1,
    );
    assert!(b.contains("kind = \"product_taxes\""));
    let [en, vi] = refused(&a, &b);
    assert!(
        en.contains("b.toml` counts `y` as kind \"product_taxes\", `")
            && en.contains("a.toml` as \"value_added\"; expected the same kind in every file"),
        "{en}"
    );
    assert!(
        vi.contains("xếp `y` vào loại \"product_taxes\",")
            && vi.contains("cần cùng một loại trong mọi tệp"),
        "{vi}"
    );
}
