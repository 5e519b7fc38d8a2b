//! What the briefing leads with, for the built-in scenario, against figures
//! worked out by hand or published (README, "What it answers").

use grdp_study::briefing::{ChosenBy, Finding, ProposalLine};
use grdp_study::{SimulationOptions, Study, StudyOptions};

#[test]
fn the_built_in_briefing_answers_and_proposes() {
    let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
    let options = StudyOptions {
        simulation: Some(SimulationOptions {
            scenarios: 40_000,
            ..Default::default()
        }),
        history: None,
        ..Default::default()
    };
    let study = Study::run(&loaded, &options, Default::default()).unwrap();
    let b = &study.briefing;
    // The scenario names the view: the plan less the median past shortfall.
    let p = b.preferred.as_ref().unwrap();
    assert_eq!(
        (p.view.as_str(), p.chosen_by),
        ("plan_less_shortfall", ChosenBy::Scenario)
    );
    // Its centre is 9.476 − 1.26 = 8.216 %, its spread about 2.36 pp, so
    // P(≥ 9.5) ≈ 1 − Φ(1.284 / 2.36) = 0.293 (README); 40,000 draws: ± 0.01.
    assert!((p.probability - 0.293).abs() < 0.01, "{}", p.probability);

    // The three findings, in order.
    assert!(matches!(
        b.findings[0],
        Finding::SectorTargetsShort { year: 2025, implied_pct, target_pct, .. }
            if (implied_pct - 9.4758).abs() < 0.0005 && (target_pct - 9.5).abs() < 1e-9
    ));
    // How much the 9.4758 rests on the derived weights (9.8930, 30.8465,
    // 52.3522, 6.9084 %, spreads 0.4, 0.4, 0.1, 0.2 pp): moving a weight by d
    // moves 9.4758 by d·(g − 9.4758)/100, so the spread is
    // √((0.4·6.9158)² + (0.4·1.9442)² + (0.1·0.5342)² + (0.2·2.8258)²)/100
    // = √(7.6525 + 0.6048 + 0.0029 + 0.3194)·10⁻² = 0.029291 pp, and 9.5 %
    // is (9.5 − 9.4758)/0.029291 = 0.827 spreads away: 1 − Φ(0.827) = 0.204.
    // Hand-rounded inputs: ± 1e-5 and ± 2e-3.
    let Finding::SectorTargetsShort {
        weights: Some(w), ..
    } = &b.findings[0]
    else {
        panic!("no weights' spread: {:?}", b.findings[0])
    };
    assert!(w.derived, "the weights are derived");
    assert!((w.sd_pp - 0.029291).abs() < 1e-5, "{}", w.sd_pp);
    assert!(
        (w.chance_reaching_target - 0.204).abs() < 2e-3,
        "{}",
        w.chance_reaching_target
    );
    // 9.4758 ± 1.96 · 0.029291 = 9.4184 to 9.5332.
    assert!((w.implied_range_95_pct[0] - 9.4184).abs() < 1e-4);
    assert!((w.implied_range_95_pct[1] - 9.5332).abs() < 1e-4);
    // 9.318 + 31.04 + 54.10 + 5.90 = 100.358.
    assert!(matches!(
        b.findings[1],
        Finding::StructureCannotHold { year: 2025, sum_min_pct, .. } if (sum_min_pct - 100.358).abs() < 1e-9
    ));
    assert!(matches!(
        b.findings[2],
        Finding::PerCapitaUnderstated { year: 2025, projected_mn_vnd, .. } if (projected_mn_vnd - 119.48).abs() < 0.01
    ));

    // The consistent target set.
    let find = |kind: &str| {
        b.proposal
            .iter()
            .find(|l| serde_json::to_value(l).unwrap()["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} line"))
    };
    match find("sector_for_target") {
        // Services: (9.5 − 9.4758) / 0.5235 more than its 10.01 (README: 10.06).
        ProposalLine::SectorForTarget {
            component,
            consistent_pct,
            ..
        } => {
            assert_eq!(component, "services");
            assert!((consistent_pct - 10.06).abs() < 0.005, "{consistent_pct}");
        }
        other => panic!("{other:?}"),
    }
    match find("uniform_for_target") {
        ProposalLine::UniformForTarget { add_on_pp, .. } => {
            // 9.5 − 9.4758 = 0.0242: every sector's target that much higher.
            assert!((add_on_pp - 0.0242).abs() < 0.0005, "{add_on_pp}");
        }
        other => panic!("{other:?}"),
    }
    // The structure that follows from the plan's prices sums to 100.
    let shares: f64 = b
        .proposal
        .iter()
        .filter_map(|l| match l {
            ProposalLine::Share { consistent_pct, .. } => Some(*consistent_pct),
            _ => None,
        })
        .sum();
    assert!((shares - 100.0).abs() < 1e-9, "{shares}");
    match find("productivity_growth") {
        // 9.48 % real growth over employment growing 0.39 %:
        // 1.094758 / 1.0039 − 1 = 9.05 % a worker.
        ProposalLine::ProductivityGrowth {
            consistent_constant_pct,
            consistent_current_pct,
            ..
        } => {
            assert!((consistent_constant_pct - 9.05).abs() < 0.01);
            assert!(consistent_current_pct.unwrap() > *consistent_constant_pct);
        }
        other => panic!("{other:?}"),
    }
}
