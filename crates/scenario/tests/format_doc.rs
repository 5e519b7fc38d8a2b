//! The annotated example in docs/scenario-format.md must load: the doc is
//! part of the contract.

use grdp_scenario::parse_scenario;

const DOC: &str = include_str!("../../../docs/scenario-format.md");

#[test]
fn scenario_format_example_loads() {
    let start = DOC.find("```toml\n").expect("the doc has a toml block") + "```toml\n".len();
    let len = DOC[start..].find("```").expect("the block is closed");
    let example = &DOC[start..start + len];
    let loaded =
        parse_scenario(example, "docs/scenario-format.md").unwrap_or_else(|e| panic!("{e}"));
    let s = &loaded.scenario;
    assert_eq!(s.economy().len(), 3);
    assert_eq!(s.plan().years().len(), 2);
    assert_eq!(s.targets().targets().len(), 5);
    assert_eq!(loaded.meta.name_vi, "Tỉnh ví dụ 2025-2026");
    // 0.245·3 + 0.68·9 + 0.075·6 = 7.305 % in 2025.
    let p = s.project();
    approx::assert_abs_diff_eq!(p.years[0].growth_pct, 7.305, epsilon = 1e-9);
    // Every check has what it needs.
    let audit = s.audit(&p);
    assert_eq!(audit.checks.len(), 6, "{:?}", audit.not_applicable);
    // The uncertainty block: three views, a per-year override, correlation.
    let u = loaded
        .uncertainty
        .as_ref()
        .expect("the example has an [uncertainty] block");
    assert_eq!(u.views.len(), 3);
    assert_eq!(u.growth_by_year.len(), 1);
    approx::assert_abs_diff_eq!(u.persistence, 0.3, epsilon = 0.0);
}
