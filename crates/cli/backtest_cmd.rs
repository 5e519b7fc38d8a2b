//! `grdp backtest`: the record of grdp's own probabilities on past years.

use grdp_report::{documents, terminal};
use grdp_scenario::builtin;
use grdp_study::backtest::backtest;
use grdp_study::simulation::{SimulationOptions, simulate_views};

use crate::args::{BacktestArgs, TableOrJson};
use crate::output::{Output, emit};

pub fn run(args: &BacktestArgs) -> anyhow::Result<()> {
    crate::args::note_fractions(&[("--sd", args.sd, "pp")]);
    let (history, origin) = crate::args::load_history(&args.history)?;
    // The built-in scenario's views (at the report's draws and seed by
    // default, so the briefing's track record shows the same figures): the
    // default spread is the plan view's SD of its target year, and the 2025
    // outcome is placed in each view's distribution.
    let loaded = builtin::can_tho_2025()?;
    let options = SimulationOptions {
        scenarios: args.draws,
        seed: args.seed,
        ..SimulationOptions::default()
    };
    let sim = simulate_views(&loaded, &options, grdp_study::Control::default())
        .map_err(crate::errors::in_flags)?;
    let plan_sd = sim
        .views
        .iter()
        .find(|v| v.view.id == "plan")
        .unwrap_or_else(|| sim.main())
        .result
        .sd_pp;
    let sd = args.sd.unwrap_or(plan_sd);
    let mut b = backtest(&history, &args.region, args.record_vintage.into(), sd)
        .map_err(crate::errors::in_flags)?;
    // The city's 2025 outcome is on the merged basis: only the built-in
    // history's can_tho record gets it, with the basis said.
    if args.history.is_none() && args.region == "can_tho" {
        let merged = history.latest("can_tho_merged", "2025", "total", "growth_pct");
        let sds = [b.sd_pp, b.record_sd_pp, b.pit_uniform_sd_pp];
        b.later = merged.map(|g| {
            grdp_study::backtest::outcome_in_views(
                &sim,
                g,
                grdp_study::backtest::MERGED_BASIS,
                &sds,
            )
        });
    }
    let text = match args.format {
        TableOrJson::Json => documents::to_json(&b)?,
        TableOrJson::Table => terminal::backtest(&b, &origin, args.sd.is_some(), args.lang.into()),
    };
    let inputs: Vec<&std::path::Path> = args.history.as_deref().into_iter().collect();
    emit(&Output::Text(text), args.output.as_deref(), &inputs)
}
