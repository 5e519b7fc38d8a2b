//! Speed of the projection: one year of four components, a ten-year plan,
//! and a batch of 63 provinces (Vietnam's count before the 2025 mergers).
//!
//! Inputs are the built-in Cần Thơ economy; the ten-year plan repeats the
//! 2025 growth, and the 63 provinces are that economy with deterministic
//! variations of its weights and levels (speed, not data, is measured).
//! Results are written down in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use grdp_core::{BaseYear, ConstantPriceBase, Economy, Plan, YearPlan, project};

fn cantho() -> (Economy, Plan) {
    let loaded = grdp_scenario::builtin::can_tho_2025().expect("built-in scenario loads");
    let s = loaded.scenario;
    (s.economy().clone(), s.plan().clone())
}

fn ten_years(economy: &Economy, first: &YearPlan) -> Plan {
    let years = (0..10)
        .map(|i| YearPlan {
            year: first.year + i,
            ..first.clone()
        })
        .collect();
    Plan::new(economy, years).expect("valid plan")
}

fn provinces(template: &Economy, first: &YearPlan) -> Vec<(Economy, Plan)> {
    (0..63)
        .map(|p| {
            let shift = 1.0 + 0.01 * f64::from(p % 7);
            let base = template.base();
            let ConstantPriceBase::WeightsPct(w) = &base.constant else {
                unreachable!("the built-in scenario gives weights")
            };
            let mut w = w.clone();
            w[0] *= shift;
            let total: f64 = w.iter().sum();
            let w = w.iter().map(|x| 100.0 * x / total).collect();
            let economy = Economy::new(
                template.components().to_vec(),
                BaseYear {
                    constant: ConstantPriceBase::WeightsPct(w),
                    current_bn_vnd: base
                        .current_bn_vnd
                        .as_ref()
                        .map(|c| c.iter().map(|x| x * (0.5 + 0.02 * f64::from(p))).collect()),
                    ..base.clone()
                },
            )
            .expect("valid economy");
            let plan = Plan::new(&economy, vec![first.clone()]).expect("valid plan");
            (economy, plan)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (economy, plan) = cantho();
    let first = plan.years()[0].clone();
    // The built-in plan runs to 2030: its first year alone is the one-year
    // case (the whole plan was timed under this name once the plan grew).
    let one_year = Plan::new(&economy, vec![first.clone()]).expect("valid plan");
    let decade = ten_years(&economy, &first);
    let batch = provinces(&economy, &first);

    let mut g = c.benchmark_group("projection");
    g.bench_function("one_year_four_components", |b| {
        b.iter(|| project(black_box(&economy), black_box(&one_year)))
    });
    g.bench_function("ten_year_plan", |b| {
        b.iter(|| project(black_box(&economy), black_box(&decade)))
    });
    g.bench_function("63_provinces_one_year", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|(e, p)| project(black_box(e), black_box(p)).years[0].growth_pct)
                .sum::<f64>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
