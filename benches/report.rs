//! Speed of the report: rendering the eight charts and the page from a
//! finished simulation (the default report's simulation itself is measured
//! by `montecarlo/builtin_default`; the whole `grdp report` run is timed in
//! BENCHMARKS.md).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use grdp_montecarlo::engine::{FeasibilityRequest, RunOptions};
use grdp_montecarlo::{MainTarget, Model, simulate};
use grdp_report::{Lang, ReportInput, RunMeta, ViewInput, charts, html};

fn bench(c: &mut Criterion) {
    let loaded = grdp_scenario::builtin::can_tho_2025().expect("built-in scenario loads");
    let s = &loaded.scenario;
    let spec = loaded.uncertainty.as_ref().expect("uncertainty block");
    let projection = s.project();
    let targets = s.evaluate(&projection);
    let audit = s.audit(&projection);
    let main = MainTarget::from_scenario(s).unwrap();
    let results: Vec<_> = spec
        .views
        .iter()
        .map(|v| {
            let model = Model::new(s, spec, v, main).unwrap();
            let opts = RunOptions {
                scenarios: 200_000,
                seed: 42,
                precision: None,
                optimism_pp: None,
                feasibility: Some(FeasibilityRequest {
                    component: 2,
                    shifts_pp: (-12..=12).map(|i| f64::from(i) * 0.25).collect(),
                }),
                required_component: Some(2),
                detail: true,
            };
            simulate(&model, &opts, Default::default()).unwrap()
        })
        .collect();
    let input = ReportInput {
        loaded: &loaded,
        projection: &projection,
        target_outcomes: &targets,
        audit: &audit,
        views: spec
            .views
            .iter()
            .zip(&results)
            .map(|(v, r)| ViewInput {
                id: &v.id,
                name: v.name_en.clone(),
                result: r,
                with_optimism: None,
            })
            .collect(),
        history_growth: s
            .outcomes()
            .iter()
            .map(|o| (o.year, o.growth_pct))
            .collect(),
        published_contributions: None,
        meta: RunMeta {
            seed: 42,
            scenarios: 200_000,
            version: "bench".into(),
        },
        lang: Lang::En,
        scale: 1,
    };
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.bench_function("eight_charts_and_page", |b| {
        b.iter(|| {
            let charts = charts::all(black_box(&input)).unwrap();
            let page = html::page(&input, &charts, &[]);
            (charts.len(), page.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
