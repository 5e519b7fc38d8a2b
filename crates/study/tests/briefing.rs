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
    };
    let study = Study::run(&loaded, &options, Default::default()).unwrap();
    let b = &study.briefing;
    // The scenario names the view: the plan less the median past shortfall.
    let p = b.preferred.as_ref().unwrap();
    assert_eq!(
        (p.view.as_str(), p.chosen_by),
        ("plan_less_shortfall", ChosenBy::Scenario)
    );
    // Its centre is 9.44 − 1.26 = 8.18 %, its spread about 2.36 pp, so
    // P(≥ 9.5) ≈ 1 − Φ(1.32 / 2.36) = 0.288 (README); 40,000 draws: ± 0.01.
    assert!((p.probability - 0.288).abs() < 0.01, "{}", p.probability);

    // The three findings, in order.
    assert!(matches!(
        b.findings[0],
        Finding::SectorTargetsShort { year: 2025, implied_pct, target_pct, .. }
            if (implied_pct - 9.44).abs() < 0.005 && (target_pct - 9.5).abs() < 1e-9
    ));
    // How much the 9.44 rests on the derived weights (10.3166, 30.5003,
    // 52.3522, 6.8309 %, spreads 0.4, 0.4, 0.1, 0.2 pp): moving a weight by d
    // moves 9.4419 by d·(g − 9.4419)/100, so the spread is
    // √((0.4·6.8819)² + (0.4·1.9781)² + (0.1·0.5681)² + (0.2·2.7919)²)/100
    // = √(7.5779 + 0.6261 + 0.0032 + 0.3118)·10⁻² = 0.029188 pp, and 9.5 %
    // is (9.5 − 9.4419)/0.029188 = 1.99 spreads away: 1 − Φ(1.99) = 0.0233.
    // Hand-rounded inputs: ± 1e-5 and ± 5e-4.
    let Finding::SectorTargetsShort {
        weights: Some(w), ..
    } = &b.findings[0]
    else {
        panic!("no weights' spread: {:?}", b.findings[0])
    };
    assert!(w.derived, "the weights are derived");
    assert!((w.sd_pp - 0.029188).abs() < 1e-5, "{}", w.sd_pp);
    assert!(
        (w.chance_reaching_target - 0.0233).abs() < 5e-4,
        "{}",
        w.chance_reaching_target
    );
    // 9.4419 ± 1.96 · 0.029188 = 9.3847 to 9.4991.
    assert!((w.implied_range_95_pct[0] - 9.3847).abs() < 1e-4);
    assert!((w.implied_range_95_pct[1] - 9.4991).abs() < 1e-4);
    // 9.318 + 31.04 + 54.10 + 5.90 = 100.358.
    assert!(matches!(
        b.findings[1],
        Finding::StructureCannotHold { year: 2025, sum_min_pct, .. } if (sum_min_pct - 100.358).abs() < 1e-9
    ));
    assert!(matches!(
        b.findings[2],
        Finding::PerCapitaUnderstated { year: 2025, projected_mn_vnd, .. } if (projected_mn_vnd - 119.44).abs() < 0.01
    ));

    // The consistent target set.
    let find = |kind: &str| {
        b.proposal
            .iter()
            .find(|l| serde_json::to_value(l).unwrap()["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} line"))
    };
    match find("sector_for_target") {
        // Services: (9.5 − 9.44…) / 0.5235 more than its 10.01 (README: 10.12).
        ProposalLine::SectorForTarget {
            component,
            consistent_pct,
            ..
        } => {
            assert_eq!(component, "services");
            assert!((consistent_pct - 10.12).abs() < 0.005, "{consistent_pct}");
        }
        other => panic!("{other:?}"),
    }
    match find("uniform_for_target") {
        ProposalLine::UniformForTarget { add_on_pp, .. } => {
            assert!((add_on_pp - 0.06).abs() < 0.005, "{add_on_pp}");
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
        // 9.44 % real growth over employment growing 0.39 %: 9.02 % a worker.
        ProposalLine::ProductivityGrowth {
            consistent_constant_pct,
            consistent_current_pct,
            ..
        } => {
            assert!((consistent_constant_pct - 9.02).abs() < 0.01);
            assert!(consistent_current_pct.unwrap() > *consistent_constant_pct);
        }
        other => panic!("{other:?}"),
    }
}
