//! `grdp project`: the projection, year by year, and the targets.

use grdp_report::{documents, tables, terminal};
use grdp_study::Study;

use crate::args::{CommonArgs, Format};
use crate::output::emit;

pub fn run(args: &CommonArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario)?;
    let study = Study::deterministic(&loaded)?;
    let lang = args.lang();
    let text = match args.format {
        Format::Json => documents::to_json(&documents::project(
            &loaded,
            &study.projection,
            &study.targets,
        )?)?,
        Format::Csv => tables::projection(&loaded, &study.projection, lang)?,
        Format::Table => terminal::projection(&loaded, &study.projection, &study.targets, lang),
    };
    emit(&text, args.output.as_deref(), &args.inputs())
}
