//! The JSON contract of `project` and `audit` (docs/json.md): every
//! documented field is there, with the documented type.

use crate::util::{code, grdp, stderr, stdout};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let o = grdp(args);
    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("valid JSON")
}

fn number_or_null(v: &Value, field: &str) {
    assert!(v.get(field).is_some(), "missing field {field} in {v}");
    assert!(
        v[field].is_number() || v[field].is_null(),
        "{field} is {:?}",
        v[field]
    );
}

#[test]
fn project_json_follows_the_contract() {
    let v = json(&["project", "--format", "json"]);
    assert!(v["scenario"].is_string());
    assert_eq!(v["base_year"], 2024);
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.len(), 6, "2025 and the plan carried on to 2030");
    let y = &years[0];
    assert_eq!(y["year"], 2025);
    for f in [
        "growth_pct",
        "nominal_growth_pct",
        "deflator_growth_pct",
        "grdp_constant_bn_vnd",
        "grdp_current_bn_vnd",
        "grdp_per_capita_mn_vnd",
        "labour_productivity_mn_vnd",
    ] {
        number_or_null(y, f);
    }
    // Constant-price levels are not published for Cần Thơ: null, not invented.
    assert!(y["grdp_constant_bn_vnd"].is_null());
    let comps = y["components"].as_array().unwrap();
    let ids: Vec<&str> = comps.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "agriculture",
            "industry_construction",
            "services",
            "product_taxes"
        ]
    );
    for c in comps {
        for f in [
            "growth_pct",
            "weight_pct",
            "contribution_pp",
            "share_of_increase_pct",
            "share_current_pct",
            "constant_bn_vnd",
            "current_bn_vnd",
        ] {
            number_or_null(c, f);
        }
    }
    // Contributions add up to growth, shares to 100 (rounding only).
    let sum_c: f64 = comps
        .iter()
        .map(|c| c["contribution_pp"].as_f64().unwrap())
        .sum();
    approx::assert_abs_diff_eq!(sum_c, y["growth_pct"].as_f64().unwrap(), epsilon = 1e-9);
    let sum_s: f64 = comps
        .iter()
        .map(|c| c["share_current_pct"].as_f64().unwrap())
        .sum();
    approx::assert_abs_diff_eq!(sum_s, 100.0, epsilon = 1e-9);
}

#[test]
fn audit_json_follows_the_contract() {
    let v = json(&["audit", "--format", "json"]);
    assert!(v["scenario"].is_string());
    let checks = v["checks"].as_array().unwrap();
    for id in [
        "sector_growth_vs_aggregate",
        "structure_sums_to_100",
        "structure_price_path",
        "per_capita",
        "labour_productivity",
    ] {
        let c = checks
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no check {id}"));
        assert!(
            ["pass", "warn", "fail", "understated"].contains(&c["status"].as_str().unwrap()),
            "{id}"
        );
        assert!(c["message"].as_str().is_some_and(|m| m.len() > 20), "{id}");
        assert!(c["year"].is_number());
    }
    let sum = checks
        .iter()
        .find(|c| c["id"] == "structure_sums_to_100")
        .unwrap();
    assert_eq!(sum["status"], "fail");
    approx::assert_abs_diff_eq!(
        sum["sum_min_pct"].as_f64().unwrap(),
        100.358,
        epsilon = 1e-9
    );
    let sector = checks
        .iter()
        .find(|c| c["id"] == "sector_growth_vs_aggregate")
        .unwrap();
    approx::assert_abs_diff_eq!(
        sector["implied_current_shares_pct"].as_f64().unwrap(),
        9.50,
        epsilon = 0.005
    );
}

#[test]
fn audit_csv_is_one_figure_per_row() {
    let o = grdp(&["audit", "--format", "csv"]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    assert!(text.starts_with("check,year,status,figure,value\n"));
    assert!(
        text.contains("structure_sums_to_100,2025,fail,sum_min_pct,100.358"),
        "{text}"
    );
    assert!(
        text.contains(
            "structure_price_path,2025,fail,components.services.relative_price_change_pct,"
        )
    );
}
