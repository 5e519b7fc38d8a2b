//! `grdp backtest`: the record of grdp's own probabilities on past years.

use grdp_report::{documents, terminal};
use grdp_scenario::builtin;
use grdp_study::backtest::backtest;
use grdp_study::simulation::{SimulationOptions, simulate_views};

use crate::UsageError;
use crate::args::{BacktestArgs, Format};
use crate::output::{Output, emit};

pub fn run(args: &BacktestArgs) -> anyhow::Result<()> {
    let (history, origin) = crate::args::load_history(&args.history)?;
    // The default spread: what the built-in scenario simulates for its
    // target year in its plan view (65,536 draws: the SD to 0.01 pp).
    let sd = match args.sd {
        Some(sd) => sd,
        None => {
            let loaded = builtin::can_tho_2025()?;
            let options = SimulationOptions {
                scenarios: 65_536,
                views: Some(vec!["plan".into()]),
                ..SimulationOptions::default()
            };
            let sim = simulate_views(&loaded, &options, grdp_study::Control::default())
                .map_err(crate::errors::in_flags)?;
            sim.main().result.sd_pct
        }
    };
    let b = backtest(&history, &args.region, args.record_vintage.into(), sd)
        .map_err(crate::errors::in_flags)?;
    let text = match args.format {
        Format::Json => documents::to_json(&b)?,
        Format::Table => terminal::backtest(&b, &origin, args.sd.is_some(), args.lang.into()),
        Format::Csv | Format::Xlsx => {
            return Err(UsageError(
                "backtest writes a table or json; expected --format table or --format json".into(),
            )
            .into());
        }
    };
    let inputs: Vec<&std::path::Path> = args.history.as_deref().into_iter().collect();
    emit(&Output::Text(text), args.output.as_deref(), &inputs)
}
