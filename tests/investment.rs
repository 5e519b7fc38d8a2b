//! The investment check (ICOR), on a scenario whose figures are round
//! enough to work out by hand:
//! GRDP 1,000 bn at current prices in 2024, one component growing 10 % with
//! no price change, so 1,100 bn in 2025; investment 300 bn in 2024, target
//! +10 to +20 %: 330-360 bn, 30-32.73 % of GRDP; with the 10 % growth
//! target the ICOR is 3.0-3.27. At a reference ICOR of 5 that investment
//! buys 6-6.55 % growth, so the check warns (the target needs investment
//! more productive than the reference). Tolerance 1e-9: exact arithmetic.

use crate::util::{code, grdp, stderr, stdout};

const SCENARIO: &str = r#"format = 1
[scenario]
name = "investment by hand"
[[components]]
id = "all"
kind = "value_added"
[base]
year = 2024
[base.current_bn_vnd]
all = 1000
[base.constant_weight_pct]
all = 100
[[plan]]
year = 2025
deflator_growth_pct = 0
[plan.growth_pct]
all = 10
[[target]]
id = "growth"
year = 2025
indicator = "growth_pct"
min = 10
[investment]
year = 2025
base_bn_vnd = 300
growth_min_pct = 10
growth_max_pct = 20
[investment.icor_reference]
record = 5
"#;

#[test]
fn the_icor_an_investment_target_implies_is_worked_out_and_judged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inv.toml");
    std::fs::write(&file, SCENARIO).unwrap();
    let o = grdp(&["audit", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let c = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "investment_icor")
        .expect("the investment check ran");
    let f = |k: &str| c[k].as_f64().unwrap_or_else(|| panic!("{k}: {c}"));
    let close = |got: f64, want: f64| assert!((got - want).abs() < 1e-9, "{got} against {want}");
    close(f("grdp_current_bn_vnd"), 1100.0);
    close(f("investment_min_bn_vnd"), 330.0);
    close(f("investment_max_bn_vnd"), 360.0);
    close(f("investment_rate_min_pct"), 30.0);
    close(f("icor_min"), 3.0);
    close(f("icor_max"), 360.0 / 1100.0 * 100.0 / 10.0);
    let r = &c["references"][0];
    close(r["growth_supported_min_pct"].as_f64().unwrap(), 6.0);
    assert_eq!(c["status"], "warn");
    assert!(
        c["message"]
            .as_str()
            .unwrap()
            .contains("more productive than any reference")
    );
}

#[test]
fn a_scenario_without_investment_says_the_check_did_not_run() {
    let o = grdp(&["audit", "--builtin", "cantho-2026"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Investment and growth (ICOR): no target of this kind"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn reversed_or_impossible_investment_bounds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (bad, why) in [
        (
            SCENARIO.replace(
                "growth_min_pct = 10\ngrowth_max_pct = 20",
                "growth_min_pct = 20\ngrowth_max_pct = 10",
            ),
            "above growth_max_pct",
        ),
        (
            SCENARIO.replace("growth_min_pct = 10", "growth_min_pct = -150"),
            "above -100%",
        ),
        (
            SCENARIO.replace("base_bn_vnd = 300", "base_bn_vnd = 0"),
            "base_bn_vnd",
        ),
    ] {
        assert_ne!(bad, SCENARIO, "the replacement took");
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, &bad).unwrap();
        let o = grdp(&["audit", file.to_str().unwrap()]);
        assert_eq!(code(&o), 1, "{why}: {}", stderr(&o));
        assert!(stderr(&o).contains(why), "{why}: {}", stderr(&o));
    }
}

/// Investment typed in million VND (300,000 for 300 billion) is 30,000 %
/// of GRDP: loaded with a warning that names the unit; beyond any
/// economy (1.7e308) it is refused at its line, where the audit had passed
/// it with an ICOR of "inf".
#[test]
fn investment_in_the_wrong_unit_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        SCENARIO.replace("base_bn_vnd = 300", "base_bn_vnd = 300000"),
    )
    .unwrap();
    let o = grdp(&["audit", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("investment of 300000 billion VND is 30000% of the base year's GRDP"),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        &path,
        SCENARIO.replace("base_bn_vnd = 300", "base_bn_vnd = 1.7e308"),
    )
    .unwrap();
    let o = grdp(&["audit", path.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let e = stderr(&o);
    assert!(
        e.contains("s.toml:25:") && e.contains("investment.base_bn_vnd"),
        "{e}"
    );
    assert!(e.contains("more than the output of any economy"), "{e}");
    assert!(stdout(&o).is_empty());
}
