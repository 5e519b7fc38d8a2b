//! `grdp batch` on the built-in provincial table, checked by hand.
//!
//! The spread: Vietnam's GDP growth 2011-2024 (latest vintage of the
//! built-in history: 6.41, 5.50, 5.55, 6.42, 6.99, 6.69, 6.94, 7.47, 7.36,
//! 2.87, 2.56, 8.02, 5.05, 7.09) changes from year to year by −0.91,
//! +0.05, +0.87, +0.57, −0.30, +0.25, +0.53, −0.11, −4.49, −0.31, +5.46,
//! −2.97, +2.04; their squares sum to 65.4082, so the root mean square is
//! √(65.4082 / 13) = 2.2431 pp.
//!
//! Hà Nội: target 8.0 %, 2024 growth 6.52 % (its own, same basis), so
//! P = 1 − Φ((8 − 6.52) / 2.2431) = 1 − Φ(0.6598) = 0.2547 (standard
//! tables). Its 2025 outcome, 8.16 %, met it.
//!
//! Trà Vinh (2024: agriculture 4.15 % contributing 1.26 pp, industry and
//! construction 20.23 % / 6.56 pp, services 6.46 % / 2.05 pp): weights
//! c / g = 30.36, 32.43, 31.73 % (94.52 % of the economy; product taxes
//! give no growth), and the sectors imply (1.26 + 6.56 + 2.05) / 0.9452 =
//! 10.44 % against the published 10.04 %.

use crate::util::{code, grdp, stderr, stdout};

fn batch_json(extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["batch", "--format", "json", "-n", "200000"];
    args.extend_from_slice(extra);
    let o = grdp(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn row<'a>(v: &'a serde_json::Value, region: &str) -> &'a serde_json::Value {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == region)
        .unwrap_or_else(|| panic!("no row for {region}"))
}

#[test]
fn one_row_is_worked_out_by_hand() {
    let v = batch_json(&[]);
    // Tolerance 1e-4: the hand values carry four decimals.
    let sd = v["spread"]["sd_pp"].as_f64().unwrap();
    assert!((sd - 2.2431).abs() < 1e-4, "spread {sd}");
    let r = row(&v, "Hà Nội");
    assert_eq!(r["model"]["kind"], "aggregate");
    assert_eq!(r["recent"]["kind"], "own");
    assert!((r["step_up_pp"].as_f64().unwrap() - 1.48).abs() < 1e-9);
    // P within four Monte Carlo standard errors of the hand value.
    let p = r["probability"].as_f64().unwrap();
    let se = r["std_error"].as_f64().unwrap();
    assert!((p - 0.2547).abs() < 4.0 * se + 1e-4, "P {p} ± {se}");
    assert_eq!(r["met"], true);
    assert_eq!(r["outcome"][1], "same");
}

#[test]
fn a_sector_row_uses_weights_derived_from_contributions() {
    let v = batch_json(&[]);
    let r = row(&v, "Trà Vinh");
    let m = &r["model"];
    assert_eq!(m["kind"], "sectors");
    assert_eq!(m["weights_from_contributions"], true);
    assert_eq!(m["left_out"][0], "product_taxes");
    let implied = m["implied_pct"].as_f64().unwrap();
    assert!((implied - 10.44).abs() < 0.005, "implied {implied}");
    let weights: Vec<f64> = m["sectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["weight_pct"].as_f64().unwrap())
        .collect();
    for (w, want) in weights.iter().zip([30.36, 32.43, 31.73]) {
        assert!((w - want).abs() < 0.005, "weight {w} against {want}");
    }
    // Every sector's centre moves by 10.04 − 10.44 = −0.40 pp, so the row
    // is centred on the published 10.04 % like the aggregate rows (SD about
    // 2 pp, 200,000 draws: the mean's standard error is under 0.005 pp).
    let shift = m["shift_pp"].as_f64().unwrap();
    assert!((shift - (10.04 - implied)).abs() < 1e-9, "shift {shift}");
    let mean = r["centre_pct"].as_f64().unwrap();
    assert!((mean - 10.04).abs() < 0.03, "mean {mean}");
}

#[test]
fn every_target_of_resolution_25_is_run_and_bases_are_said() {
    let v = batch_json(&[]);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 54, "Resolution 25 gives 54 provinces' targets");
    // Without a 2024 figure a region is centred on the nation's 7.09 %.
    let national = rows
        .iter()
        .filter(|r| r["recent"]["kind"] == "national")
        .count();
    assert!(national > 0);
    let r = row(&v, "Bắc Giang");
    assert_eq!(r["recent"]["kind"], "national");
    assert!((r["recent_pct"].as_f64().unwrap() - 7.09).abs() < 1e-9);
    // Cần Thơ's 7.23 % is the merged city's: marked so, never "same".
    let c = row(&v, "Cần Thơ");
    assert_eq!(c["outcome"][1], "merged");
    assert!((c["outcome"][0]["value"].as_f64().unwrap() - 7.23).abs() < 1e-9);
    assert!((c["recent_pct"].as_f64().unwrap() - 7.12).abs() < 1e-9);
    // Outcomes that match no target are listed, not dropped.
    let unmatched: Vec<&str> = v["unmatched_outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(unmatched.contains(&"Quảng Ngãi (merged)"), "{unmatched:?}");
}

#[test]
fn the_same_seed_gives_the_same_table_at_any_thread_count() {
    let one = grdp(&["batch", "--format", "csv", "-n", "50000", "--threads", "1"]);
    let two = grdp(&["batch", "--format", "csv", "-n", "50000", "--threads", "2"]);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn a_stated_spread_and_cantho_record_are_used_and_said() {
    let v = batch_json(&["--sd", "1.5"]);
    assert_eq!(v["spread"]["source"]["kind"], "stated");
    assert!((v["spread"]["sd_pp"].as_f64().unwrap() - 1.5).abs() < 1e-12);
    let v = batch_json(&["--sd-from", "cantho"]);
    assert_eq!(v["spread"]["source"]["kind"], "can_tho");
    let sd = v["spread"]["sd_pp"].as_f64().unwrap();
    assert!(
        sd > 2.5,
        "Cần Thơ's record is wider than the nation's: {sd}"
    );
}

#[test]
fn the_chart_is_written_and_inputs_are_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("provinces.png");
    let o = grdp(&[
        "batch",
        "-n",
        "20000",
        "--chart",
        chart.to_str().unwrap(),
        "--lang",
        "vi",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let png = std::fs::read(&chart).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert!(stdout(&o).contains("Địa phương"));
    // A table passed as input is refused as the chart's path.
    let table = dir.path().join("t.csv");
    std::fs::write(&table, grdp_scenario::builtin::PROVINCES_CSV).unwrap();
    let o = grdp(&[
        "batch",
        table.to_str().unwrap(),
        "-n",
        "1000",
        "--chart",
        table.to_str().unwrap(),
    ]);
    assert_ne!(code(&o), 0);
    assert_eq!(
        std::fs::read_to_string(&table).unwrap(),
        grdp_scenario::builtin::PROVINCES_CSV
    );
}

#[test]
fn a_table_without_targets_for_the_year_is_refused_with_the_reason() {
    let o = grdp(&["batch", "--year", "2019", "-n", "1000"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("no region has a growth target for 2019"), "{e}");
}

/// A folder of scenario files: each under its own model and preferred
/// view. The two built-in scenarios written out: Cần Thơ 2025 (base-year
/// growth 7.12 %, target 9.5 %, step-up 2.38 pp) and the merged city's
/// 2026 (2025 growth 7.23 %, target 10 %, step-up 2.77 pp; P about 0.10
/// at 2025's pace, data/cantho/DERIVATION-2026.md).
#[test]
fn a_folder_of_scenarios_runs_each_under_its_own_model() {
    let dir = tempfile::tempdir().unwrap();
    for (name, file) in [("cantho-2025", "a.toml"), ("cantho-2026", "b.toml")] {
        let path = dir.path().join(file);
        let o = grdp(&["scenarios", name, "-o", path.to_str().unwrap()]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    std::fs::write(dir.path().join("notes.txt"), "not a scenario").unwrap();
    let o = grdp(&[
        "batch",
        dir.path().to_str().unwrap(),
        "-n",
        "50000",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "one row a .toml file");
    assert!(v["spread"].is_null());
    let step = |r: &serde_json::Value| r["step_up_pp"].as_f64().unwrap();
    assert!((step(&rows[0]) - 2.38).abs() < 1e-9);
    assert!((step(&rows[1]) - 2.77).abs() < 1e-9);
    assert_eq!(rows[1]["model"]["kind"], "scenario");
    assert_eq!(rows[1]["target"]["period"], "2026");
    let p = rows[1]["probability"].as_f64().unwrap();
    assert!((p - 0.10).abs() < 0.02, "P {p}");

    let empty = tempfile::tempdir().unwrap();
    let o = grdp(&["batch", empty.path().to_str().unwrap(), "-n", "1000"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("holds no scenario file"));
}

/// A table of merged provinces' targets: last year's growth and the
/// outcome come from the merged province, never from the old one of the
/// same name; a target year with no national figure works when every
/// region has its own.
#[test]
fn a_merged_provinces_target_is_matched_on_its_own_basis() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("m.csv");
    std::fs::write(
        &table,
        "region,period,component,indicator,value\n\
         A (merged),2026,total,growth_target_min_pct,10\n\
         A (merged),2025,total,growth_pct,9\n\
         A (merged),2026,total,growth_pct,10.5\n\
         A,2025,total,growth_pct,3\n\
         A,2026,total,growth_pct,2\n",
    )
    .unwrap();
    let o = grdp(&[
        "batch",
        table.to_str().unwrap(),
        "--year",
        "2026",
        "-n",
        "20000",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let r = &v["rows"][0];
    assert!((r["recent_pct"].as_f64().unwrap() - 9.0).abs() < 1e-12);
    assert!((r["outcome"][0]["value"].as_f64().unwrap() - 10.5).abs() < 1e-12);
    assert_eq!(r["outcome"][1], "same");
    assert_eq!(r["met"], true);
    // The old province's 2026 figure matches no target, and is said so.
    assert_eq!(v["unmatched_outcomes"][0], "A");
}

#[test]
fn the_table_and_the_chart_are_never_one_file_and_bad_spreads_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let same = dir.path().join("same.out");
    let p = same.to_str().unwrap();
    let o = grdp(&["batch", "-n", "1000", "-o", p, "--chart", p]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("both name"), "{}", stderr(&o));
    assert!(!same.exists(), "nothing is written when the paths clash");
    let o = grdp(&["batch", "-n", "1000", "--sd", "0"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("spread in percentage points"),
        "{}",
        stderr(&o)
    );
    // A target typed without its decimal point is refused, with its line.
    let table = dir.path().join("t.csv");
    std::fs::write(
        &table,
        "region,period,component,indicator,value\nB,2025,total,growth_target_min_pct,950\n",
    )
    .unwrap();
    let o = grdp(&["batch", table.to_str().unwrap(), "-n", "1000"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}
