//! `grdp report`: the briefing, written atomically as a folder.

use anyhow::Context;
use grdp_scenario::builtin;
use grdp_study::{Study, StudyOptions};

use crate::args::ReportArgs;

pub fn run(args: &ReportArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario)?;
    let history = builtin::history().context("the built-in history failed to load (a bug)")?;
    let options = StudyOptions {
        simulation: Some(args.simulation_options(&history)?),
        // The longer record of data/history.csv is Cần Thơ's: only the
        // built-in scenario shows it.
        history: args.scenario.is_none().then_some((&history, "can_tho")),
    };
    let progress = crate::progress::Progress::new(args.quiet);
    let report = |done, planned| progress.update(done, planned);
    let control = grdp_study::Control {
        progress: Some(&report),
        cancel: Some(&crate::INTERRUPTED),
        draws: None,
    };
    grdp_report::write::folder::abort_if_asked("simulating");
    let study = Study::run(&loaded, &options, control).map_err(crate::errors::in_flags)?;
    progress.clear();
    grdp_report::write::folder::abort_if_asked("rendering");
    let files = grdp_report::render(&study, args.lang.into(), args.scale)?;
    grdp_report::write_report_dir(&args.output, files.into_iter().map(Ok), args.force)
        .map_err(crate::errors::report_in_flags)?;
    if !args.quiet {
        eprintln!("wrote {}", args.output.join("index.html").display());
    }
    Ok(())
}
