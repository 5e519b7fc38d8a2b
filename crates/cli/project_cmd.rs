//! `grdp project`: the projection, year by year, and the targets.

use grdp_report::{documents, tables, terminal, workbook};
use grdp_study::Study;

use crate::args::{CommonArgs, Format};
use crate::output::{Output, emit};

pub fn run(args: &CommonArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario, args.builtin)?;
    let study = Study::deterministic(&loaded)?;
    let lang = args.lang();
    let out = match args.format {
        Format::Json => Output::Text(documents::to_json(&documents::project(
            &loaded,
            &study.projection,
            &study.targets,
        )?)?),
        Format::Csv => Output::Text(tables::projection(&loaded, &study.projection, lang)?),
        Format::Xlsx => Output::Workbook(workbook::project(&loaded, &study.projection, lang)?),
        Format::Table => Output::Text(terminal::projection(
            &loaded,
            &study.projection,
            &study.targets,
            lang,
        )),
    };
    emit(&out, args.output.as_deref(), &args.inputs())
}
