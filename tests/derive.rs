//! `grdp derive`: constant-price weights from a statistics release, checked
//! against published aggregates and by hand, and round-tripped through
//! `grdp project`.
//!
//! Releases used (`tests/data/releases.csv`, each row with its source):
//! - Cần Thơ 2022 (built-in history): contributions and growth of all four
//!   components, total 12.64 %.
//! - Trà Vinh 2024 (consosukien.vn, "Trà Vinh tăng trưởng dẫn đầu vùng Đồng
//!   bằng sông Cửu Long"): growth 4.15 / 20.23 / 6.46 %, contributions
//!   1.26 / 6.56 / 2.05 pp, total 10.04 %; product taxes are not printed.
//! - Hà Nội 2025 (soha.vn, "Lộ diện 5 đầu tàu kinh tế..."): growth 3.55 /
//!   7.46 / 8.83 %, shares of the increase in value added 0.89 / 21.09 /
//!   78.02 %, GRDP 8.16 %.

use crate::util::{code, grdp, stderr, stdout};

fn derive_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["derive"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let o = grdp(&all);
    assert_eq!(code(&o), 0, "grdp {all:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("derive writes JSON")
}

fn list(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// Two-decimal contributions of four components, each off by up to 0.005 pp,
/// move the aggregate by at most 0.02 pp, plus the growth rates' own
/// rounding: 0.03 pp is the tolerance.
#[test]
fn can_tho_2022_reproduces_the_published_aggregate_within_rounding() {
    let v = derive_json(&["--region", "can_tho", "--period", "2022"]);
    assert_eq!(v["method"], "contributions");
    let d = &v["derived"];
    let raw = d["prior_raw_sum_pct"].as_f64().unwrap();
    assert!((raw - 100.18).abs() < 0.005, "raw weights sum to {raw}");
    let implied = d["implied_growth_pct"].as_f64().unwrap();
    assert!(
        (implied - 12.64).abs() <= 0.03,
        "implied {implied} against 12.64"
    );
    let w = list(&d["weights_pct"]);
    assert!((w.iter().sum::<f64>() - 100.0).abs() < 1e-9);
}

/// By hand: raw weights 1.26/4.15 = 30.3614, 6.56/20.23 = 32.4271 and
/// 2.05/6.46 = 31.7337 (× 100) sum to 94.5222; product taxes take the rest,
/// 5.4778 %, with the rest of the total, 10.04 − 9.87 = 0.17 pp, hence
/// growth 0.17 / 5.4778 × 100 = 3.1034 %. The four then give exactly 10.04 %.
#[test]
fn tra_vinh_2024_fills_in_product_taxes_from_the_total() {
    let v = derive_json(&[
        "tests/data/releases.csv",
        "--region",
        "tra_vinh",
        "--period",
        "2024",
        "--rest",
        "product_taxes",
    ]);
    let rest = &v["rest"];
    assert!((rest["prior_weight_pct"].as_f64().unwrap() - 5.4778).abs() < 1e-4);
    assert!((rest["contribution_pp"].as_f64().unwrap() - 0.17).abs() < 1e-9);
    assert!((rest["growth_pct"].as_f64().unwrap() - 3.1034).abs() < 1e-4);
    let prior = list(&v["derived"]["prior_pct"]);
    for (got, want) in prior.iter().zip([30.3614, 32.4271, 31.7337, 5.4778]) {
        assert!((got - want).abs() < 1e-4, "{prior:?}");
    }
    let implied = v["derived"]["implied_growth_pct"].as_f64().unwrap();
    assert!((implied - 10.04).abs() < 1e-9, "{implied}");
    // Without --rest the gap is refused, not normalised away silently.
    let o = grdp(&[
        "derive",
        "tests/data/releases.csv",
        "--region",
        "tra_vinh",
        "--period",
        "2024",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("too far from 100 for rounding"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty(), "no block is printed: {}", stdout(&o));
    // --rest must name a component the release leaves out.
    for bad in ["services", "total", "Bad Id"] {
        let o = grdp(&[
            "derive",
            "tests/data/releases.csv",
            "--region",
            "tra_vinh",
            "--period",
            "2024",
            "--rest",
            bad,
        ]);
        assert_eq!(code(&o), 1, "--rest {bad}: {}", stderr(&o));
    }
}

/// By hand: 78.02/8.83 = 8.8358, 21.09/7.46 = 2.8271, 0.89/3.55 = 0.2507,
/// sum 11.9136: value-added weights 74.165 / 23.730 / 2.104 %, and value
/// added growth 100 / 11.9136 = 8.394 %.
#[test]
fn ha_noi_2025_shares_of_the_increase_give_value_added_weights() {
    let v = derive_json(&[
        "tests/data/releases.csv",
        "--region",
        "ha_noi",
        "--period",
        "2025",
    ]);
    assert_eq!(v["method"], "shares_of_increase");
    let prior = list(&v["derived"]["prior_pct"]);
    for (got, want) in prior.iter().zip([74.165, 23.730, 2.104]) {
        assert!((got - want).abs() < 1e-3, "{prior:?}");
    }
    let implied = v["derived"]["implied_growth_pct"].as_f64().unwrap();
    assert!((implied - 8.394).abs() < 1e-3, "{implied}");
}

/// The derived block pasted into a scenario: `grdp project` on the year
/// after carries it forward. Round trip: a scenario whose base is the year
/// before the release (the prior weights) and whose plan is the release's
/// growth projects the aggregate `derive` said, and each contribution as
/// published up to the normalisation (× 100 / 100.18).
#[test]
fn the_derived_weights_round_trip_through_project() {
    let v = derive_json(&["--region", "can_tho", "--period", "2022"]);
    let ids: Vec<String> = v["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let prior = list(&v["derived"]["prior_pct"]);
    let mut toml = String::from("format = 1\n[scenario]\nname = \"round trip\"\n");
    for id in &ids {
        toml += &format!(
            "[[components]]\nid = \"{id}\"\nkind = \"{}\"\n",
            if id == "product_taxes" {
                "product_taxes"
            } else {
                "value_added"
            }
        );
    }
    toml += "[base]\nyear = 2021\n[base.constant_weight_pct]\n";
    for (id, w) in ids.iter().zip(&prior) {
        toml += &format!("{id} = {w}\n");
    }
    toml += "[[plan]]\nyear = 2022\n[plan.growth_pct]\n";
    let h = grdp_scenario::builtin::history().unwrap();
    for id in &ids {
        let g = h.latest("can_tho", "2022", id, "growth_pct").unwrap();
        toml += &format!("{id} = {g}\n");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("round-trip.toml");
    std::fs::write(&file, toml).unwrap();
    let o = grdp(&["project", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let year = &p["years"][0];
    let g = year["growth_pct"].as_f64().unwrap();
    let implied = v["derived"]["implied_growth_pct"].as_f64().unwrap();
    assert!(
        (g - implied).abs() < 1e-9,
        "project {g} against derive {implied}"
    );
    for (k, id) in ids.iter().enumerate() {
        let c = year["components"][k]["contribution_pp"].as_f64().unwrap();
        let published = h.latest("can_tho", "2022", id, "contribution_pp").unwrap();
        assert!(
            (c - published * 100.0 / 100.18).abs() < 0.01,
            "{id}: projected contribution {c} against published {published} × 100/100.18"
        );
    }
}
