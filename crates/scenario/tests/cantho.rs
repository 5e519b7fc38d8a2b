//! The built-in Cần Thơ 2025 scenario against figures from the draft
//! resolution and the statistics office.

use approx::assert_abs_diff_eq;
use grdp_core::audit::{Check, CheckId, CheckStatus, Figures};
use grdp_core::{
    BaseYear, Component, ConstantPriceBase, Direction, Economy, Plan, TargetStatus, YearPlan,
    derivation, project,
};
use grdp_scenario::{Status, builtin};

#[test]
fn every_number_carries_status_and_source() {
    let loaded = builtin::can_tho_2025().unwrap();
    assert!(
        loaded.provenance.len() > 30,
        "only {} numbers recorded",
        loaded.provenance.len()
    );
    for p in &loaded.provenance {
        assert!(
            p.status.is_some(),
            "{} (line {}) has no status",
            p.field,
            p.line
        );
        assert!(
            p.source.as_deref().is_some_and(|s| !s.trim().is_empty()),
            "{} (line {}) has no source",
            p.field,
            p.line
        );
        // Judgements and computed values explain themselves.
        if matches!(p.status, Some(Status::Assumption)) {
            assert!(
                p.note.is_some(),
                "assumption {} (line {}) has no note",
                p.field,
                p.line
            );
        }
    }
}

#[test]
fn every_history_row_carries_status_and_source() {
    let h = builtin::history().unwrap();
    assert!(h.records.len() > 90);
    for r in &h.records {
        assert!(
            !r.status.is_empty(),
            "data/history.csv line {} has no status",
            r.line
        );
        assert!(
            !r.source.is_empty(),
            "data/history.csv line {} has no source",
            r.line
        );
    }
}

/// The built-in scenario's first audit check of `id`.
fn builtin_check(id: CheckId) -> Check {
    let loaded = builtin::can_tho_2025().unwrap();
    let s = &loaded.scenario;
    s.audit(&s.project())
        .checks
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{} did not run", id.as_str()))
}

#[test]
fn current_price_shares_reproduce_the_draft_9_50() {
    // 0.0996·2.56 + 0.3088·11.42 + 0.5312·10.01 + 0.0604·6.65 = 9.50045.
    let check = builtin_check(CheckId::SectorGrowthVsAggregate);
    let Figures::SectorGrowth(f) = &check.figures else {
        panic!()
    };
    assert_abs_diff_eq!(f.implied_current_shares_pct.unwrap(), 9.50, epsilon = 0.005);
    // With the derived constant-2010-price weights the same targets give
    // 0.098930·2.56 + 0.308465·11.42 + 0.523522·10.01 + 0.069084·6.65 =
    // 9.4758 %: short of 9.5, so the check warns.
    assert_abs_diff_eq!(f.implied_constant_weights_pct, 9.4758, epsilon = 0.0005);
    assert_eq!(check.status, CheckStatus::Warn);
}

#[test]
fn structure_ranges_cannot_sum_to_100() {
    // Lower bounds 9.318 + 31.04 + 54.10 + 5.90 = 100.358.
    let check = builtin_check(CheckId::StructureSumsTo100);
    assert_eq!(check.status, CheckStatus::Fail);
    let Figures::StructureSum(f) = &check.figures else {
        panic!()
    };
    assert_abs_diff_eq!(f.sum_min_pct, 100.358, epsilon = 1e-9);
    assert_abs_diff_eq!(f.sum_max_pct, 101.11, epsilon = 1e-9);
    let path = builtin_check(CheckId::StructurePricePath);
    assert_eq!(path.status, CheckStatus::Fail);
}

#[test]
fn all_six_checks_run_on_the_built_in_scenario() {
    let loaded = builtin::can_tho_2025().unwrap();
    let s = &loaded.scenario;
    let audit = s.audit(&s.project());
    for id in CheckId::ALL {
        assert!(
            audit.checks.iter().any(|c| c.id == id),
            "{} did not run",
            id.as_str()
        );
    }
    assert!(
        audit.not_applicable.is_empty(),
        "{:?}",
        audit.not_applicable
    );
}

#[test]
fn five_year_plan_needs_about_15_7_percent_in_2025() {
    // (1.075^5 / (0.9721 · 1.1264 · 1.0575 · 1.0712)) − 1 = 15.74 %.
    let check = builtin_check(CheckId::PeriodAverage);
    let Figures::PeriodAverage(f) = &check.figures else {
        panic!()
    };
    assert_abs_diff_eq!(f.required_for_min_pct.unwrap(), 15.741, epsilon = 0.001);
    assert_eq!(check.status, CheckStatus::Fail);
}

/// 2022 as published: with the 2021 constant-price weights derived from the
/// published 2022 contributions, projecting the published 2022 sector growth
/// gives 12.64 % and contributions 0.29 / 5.21 / 6.88 / 0.26.
///
/// Tolerance: the contributions are published with two decimals (±0.005
/// each), so the weights derived from them sum to 100.18 %, not 100. The
/// model must normalise them, which scales every contribution by 1/1.0018:
/// the total moves by 12.64 · 0.0018 ≈ 0.023 and each contribution by at most
/// 0.005 + 6.88 · 0.0018 ≈ 0.018. Hence ±0.03 on the total (as four
/// contributions rounded to ±0.005 allow, with the normalisation) and ±0.02
/// on each contribution.
#[test]
fn year_2022_as_published() {
    let h = builtin::history().unwrap();
    let ids = [
        "agriculture",
        "industry_construction",
        "services",
        "product_taxes",
    ];
    let get = |id: &str, ind: &str| h.latest("can_tho", "2022", id, ind).unwrap();
    let c22: Vec<f64> = ids.iter().map(|id| get(id, "contribution_pp")).collect();
    let g22: Vec<f64> = ids.iter().map(|id| get(id, "growth_pct")).collect();
    let w21 = derivation::weights_from_contributions(&c22, &g22).unwrap();
    let economy = Economy::new(
        vec![
            Component::value_added(ids[0]),
            Component::value_added(ids[1]),
            Component::value_added(ids[2]),
            Component::product_taxes(ids[3]),
        ],
        BaseYear {
            year: 2021,
            current_bn_vnd: None,
            constant: ConstantPriceBase::WeightsPct(derivation::normalise_pct(&w21)),
            population_thousand: None,
            employed_thousand: None,
        },
    )
    .unwrap();
    let plan = Plan::new(
        &economy,
        vec![YearPlan {
            year: 2022,
            real_growth_pct: g22,
            prices: None,
            population_growth_pct: None,
            employment_growth_pct: None,
        }],
    )
    .unwrap();
    let y = &project(&economy, &plan).years[0];
    assert_abs_diff_eq!(y.growth_pct, 12.64, epsilon = 0.03);
    for (c, published) in y.components.iter().zip([0.29, 5.21, 6.88, 0.26]) {
        assert_abs_diff_eq!(c.contribution_pp, published, epsilon = 0.02);
    }
}

/// The master plan's 220 million VND per capita in 2030, from the 2024 base:
/// population 1,263.85 × 1.0039⁶ = 1,293.63 thousand, so GRDP of
/// 220 × 1,293.63 = 284,599 billion VND, 2.1388 times 133,065: 13.51 % a
/// year over six years. (Rounding of the hand figures: ±0.01.)
#[test]
fn per_capita_2030_needs_about_13_5_percent_nominal_growth_a_year() {
    let loaded = builtin::can_tho_2025().unwrap();
    let s = &loaded.scenario;
    let audit = s.audit(&s.project());
    let check = audit
        .checks
        .iter()
        .find(|c| c.id == CheckId::PerCapita && c.year == 2030)
        .unwrap();
    let Figures::PerCapita(f) = &check.figures else {
        panic!()
    };
    assert_eq!(f.years_from_base, 6);
    let by_hand = 100.0 * ((220.0 * 1263.85 * 1.0039f64.powi(6) / 133_065.0).powf(1.0 / 6.0) - 1.0);
    assert_abs_diff_eq!(
        f.required_nominal_growth_from_base_min_pct.unwrap(),
        by_hand,
        epsilon = 1e-9
    );
    assert_abs_diff_eq!(by_hand, 13.51, epsilon = 0.01);
    assert_eq!(check.status, CheckStatus::Fail);
}

/// The draft's per-capita target, "đạt 113 - 115 triệu đồng", is a level to
/// reach: the projection's 119.4 meets and exceeds it (issue "Right answers
/// off the built-in path"; it was scored as missed, two-sided). The
/// structure ranges stay two-sided.
#[test]
fn the_per_capita_target_scores_as_exceeded() {
    let loaded = builtin::can_tho_2025().unwrap();
    let s = &loaded.scenario;
    let outcomes = s.evaluate(&s.project());
    let status = |id: &str| {
        outcomes
            .iter()
            .find(|o| o.target.id == id)
            .unwrap_or_else(|| panic!("no target {id}"))
    };
    let pc = status("grdp_per_capita");
    assert_eq!(pc.target.direction, Direction::AtLeast);
    assert_eq!(pc.status, TargetStatus::Exceeded);
    // 119.48 against the minimum of 113 (DERIVATION.md: 2024 GRDP grown by
    // 9.48 % real and 4.06 % prices over a population 0.39 % larger:
    // 105.29 · 1.0948 · 1.0406 / 1.0039 = 119.48).
    assert_abs_diff_eq!(pc.margin.unwrap(), 6.48, epsilon = 0.01);
    let share = status("agriculture_share");
    assert_eq!(share.target.direction, Direction::Within);
    assert_eq!(share.status, TargetStatus::Missed);
}

/// The 2025 draft's plan is its sector targets; the 2026 scenario's plan is
/// 2025's growth carried forward, an assumption: the report must not call
/// it "the sector targets".
#[test]
fn only_the_2025_plan_is_a_set_of_sector_targets() {
    let y2025 = builtin::by_name("cantho-2025").unwrap().load().unwrap();
    let y2026 = builtin::by_name("cantho-2026").unwrap().load().unwrap();
    assert!(y2025.plan_growth_is_target(2025));
    assert!(
        !y2025.plan_growth_is_target(2026),
        "2026-2030 are carried-forward assumptions"
    );
    assert!(!y2026.plan_growth_is_target(2026));
    assert!(!y2026.plan_growth_is_target(2031), "no plan year at all");
}
