//! Bad scenario files: each gets a message that names the file, the line,
//! the field and the value, exit code 1, no panic and no output file.
//!
//! Every case is the built-in scenario with one textual change, so each
//! failure has exactly one cause.

use crate::util::{BUILTIN, code, grdp, stderr};

/// Writes the built-in scenario with `from` replaced by `to`, runs
/// `grdp project` on it with `-o`, and checks the outcome. In `expected`,
/// `{line}` stands for the line where `from` starts.
fn check(from: &str, to: &str, expected: &[&str]) {
    let at = BUILTIN
        .find(from)
        .unwrap_or_else(|| panic!("the built-in scenario has no `{from}`"));
    let line = BUILTIN[..at].matches('\n').count() + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, BUILTIN.replacen(from, to, 1)).unwrap();
    let out = dir.path().join("out.json");
    let o = grdp(&[
        "project",
        path.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "`{from}` → `{to}`: exit {}\n{err}", code(&o));
    assert!(err.contains("bad.toml:"), "no file and line in: {err}");
    for word in expected {
        let word = &word.replace("{line}", &line.to_string());
        assert!(
            err.contains(word.as_str()),
            "`{from}` → `{to}`: message lacks `{word}`:\n{err}"
        );
    }
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    assert!(!out.exists(), "an output file was left behind");
}

#[test]
fn malformed_toml_gives_line_column_and_expectation() {
    check(
        "year = 2024\n",
        "year = = 2024\n",
        &["bad.toml:{line}:8:", "expected"],
    );
    check("[base]\n", "[base\n", &["bad.toml:{line}:"]);
}

#[test]
fn unknown_component_in_a_table() {
    check(
        "services = { value = 10.01",
        "servces = { value = 10.01",
        &[
            "plan.2025.growth_pct.servces",
            "`servces` is not a component",
            "did you mean `services`",
        ],
    );
}

#[test]
fn duplicated_component_id() {
    check(
        "id = \"services\"",
        "id = \"agriculture\"",
        &["`agriculture` is listed more than once"],
    );
}

#[test]
fn missing_base_level() {
    check(
        "product_taxes = { value = 6.9084, status = \"derived\", source = \"data/cantho/DERIVATION.md#weights\" }\n",
        "",
        &[
            "base.constant_weight_pct",
            "no value for component `product_taxes`",
        ],
    );
}

#[test]
fn level_zero_negative_nan_or_infinite() {
    check(
        "value = 133065",
        "value = 0",
        &["base.grdp_current_bn_vnd", "above zero"],
    );
    check(
        "value = 1263.85",
        "value = -1263.85",
        &["base.population_thousand", "-1263.85", "greater than zero"],
    );
    check(
        "value = 1263.85",
        "value = nan",
        &["base.population_thousand", "NaN", "finite"],
    );
    check(
        "value = 613.24",
        "value = inf",
        &["base.employed_thousand", "inf", "finite"],
    );
}

#[test]
fn growth_at_or_below_minus_100() {
    check(
        "agriculture = { value = 2.56",
        "agriculture = { value = -100",
        &["plan.2025.growth_pct.agriculture", "-100%", "above -100%"],
    );
}

#[test]
fn shares_that_do_not_sum_to_100() {
    check(
        "services = { value = 53.12",
        "services = { value = 63.12",
        &["base.share_current_pct", "110.0000%", "expected 100%"],
    );
    check(
        "services = { value = 52.3522",
        "services = { value = 42.3522",
        &["base.constant_weight_pct", "90.0001%"],
    );
}

#[test]
fn target_naming_an_unknown_component() {
    check(
        "component = \"services\"\nmin = 10.01",
        "component = \"tourism\"\nmin = 10.01",
        &[
            "target.services_growth.component",
            "unknown component `tourism`",
        ],
    );
}

#[test]
fn years_out_of_order() {
    check(
        "[[plan]]\nyear = 2030",
        "[[plan]]\nyear = 2031",
        &["plan.2031", "found year 2031; expected 2030"],
    );
    check(
        "[[plan]]\nyear = 2027",
        "[[plan]]\nyear = 2026",
        &["plan.2026", "two [[plan]] tables"],
    );
    check(
        "[[outcome]]\nyear = 2024",
        "[[outcome]]\nyear = 2023",
        &["outcome.2023", "more than once"],
    );
}

#[test]
fn unknown_key_is_named() {
    check(
        "deflator_growth_pct = {",
        "deflator_grwth_pct = {",
        &["unknown field `deflator_grwth_pct`", "deflator_growth_pct"],
    );
}

#[test]
fn quoted_number_with_decimal_comma_is_explained() {
    check("min = 9.5\n", "min = \"9,5\"\n", &["\"9,5\"", "9.5"]);
}

#[test]
fn bad_status_word() {
    check(
        "status = \"derived\"",
        "status = \"guess\"",
        &["\"guess\"", "assumption"],
    );
}

#[test]
fn a_target_direction_is_one_of_three() {
    check(
        "direction = \"at_least\"",
        "direction = \"atleast\"",
        &[
            "bad.toml:{line}:",
            "target.grdp_per_capita.direction",
            "\"atleast\"",
            "at_least",
        ],
    );
}

/// The spreads the evidence supports: each above zero and within 25
/// percentage points, at most four of them.
#[test]
fn supported_spreads_out_of_range_or_too_many() {
    check(
        "sd_pp = [1.78, 2.92]",
        "sd_pp = [0.0, 2.92]",
        &[
            "bad.toml:{line}:",
            "uncertainty.supported_spread.sd_pp[1]",
            "found 0.0",
            "above 0 and at most 25 percentage points",
        ],
    );
    check(
        "sd_pp = [1.78, 2.92]",
        "sd_pp = [1.78, 292]",
        &["uncertainty.supported_spread.sd_pp[2]", "found 292.0"],
    );
    check(
        "sd_pp = [1.78, 2.92]",
        "sd_pp = [1, 2, 3, 4, 5]",
        &[
            "uncertainty.supported_spread.sd_pp",
            "has 5 values; expected at most 4",
        ],
    );
    // A decimal comma: TOML reads [1,78] as 1 and 78.
    check(
        "sd_pp = [1.78, 2.92]",
        "sd_pp = [1,78]",
        &[
            "uncertainty.supported_spread.sd_pp[2]",
            "found 1 then 78: a decimal comma? [1,78] is two numbers in a scenario file; write 1.78",
        ],
    );
    check(
        "sd_pp = [1.78, 2.92]",
        "sd_pp = []",
        &[
            "bad.toml:{line}:",
            "uncertainty.supported_spread.sd_pp",
            "found an empty list; expected one to four spreads",
        ],
    );
}

/// A supported spread typed as a fraction (0.0178 for 1.78 pp) is loaded
/// with a warning at its line that names the slip, in either language.
#[test]
fn a_supported_spread_typed_as_a_fraction_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let from = "sd_pp = [1.78, 2.92]";
    let line = BUILTIN[..BUILTIN.find(from).unwrap()].matches('\n').count() + 1;
    std::fs::write(&path, BUILTIN.replacen(from, "sd_pp = [0.0178, 2.92]", 1)).unwrap();
    let o = grdp(&["audit", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("s.toml:{line}: uncertainty.supported_spread.sd_pp[1]: a spread of 0.0178 percentage points is far below any province's year-to-year scatter: check that it is in percentage points, not a fraction (0.0178 for 1.78)")),
        "{}",
        stderr(&o)
    );
    let o = grdp(&["audit", path.to_str().unwrap(), "--lang", "vi"]);
    assert!(
        stderr(&o).contains(
            "kiểm tra đơn vị là điểm phần trăm, không phải số thập phân (0,0178 thay cho 1,78)"
        ),
        "{}",
        stderr(&o)
    );
    // The page shows the spread as typed, so the slip is seen there too.
    let out = dir.path().join("r");
    let o = grdp(&[
        "report",
        path.to_str().unwrap(),
        "-n",
        "20000",
        "-q",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("read from the record, 0.0178 and 2.92 pp"),
        "{page}"
    );
}
