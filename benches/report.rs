//! Speed of the report: rendering the eight charts and the page from a
//! finished simulation (the default report's simulation itself is measured
//! by `montecarlo/builtin_default`; the whole `grdp report` run is timed in
//! BENCHMARKS.md).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use grdp_report::{CivilDate, Lang, ReportInput, ReportOptions, charts, html};
use grdp_study::{SimulationOptions, Study, StudyOptions};

fn bench(c: &mut Criterion) {
    let loaded = grdp_scenario::builtin::can_tho_2025().expect("built-in scenario loads");
    let options = StudyOptions {
        simulation: Some(SimulationOptions {
            scenarios: 200_000,
            ..SimulationOptions::default()
        }),
        history: None,
        ..Default::default()
    };
    let study = Study::run(&loaded, &options, Default::default()).expect("the study runs");
    let input = ReportInput::new(
        &study,
        &ReportOptions::new(Lang::En, CivilDate::from_unix(0)),
    )
    .expect("a simulation");
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
