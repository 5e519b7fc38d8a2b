//! `grdp audit`: do the targets hang together, and what do they imply?

use grdp_report::{documents, tables, terminal};
use grdp_study::Study;

use crate::args::{CommonArgs, Format};
use crate::output::emit;

pub fn run(args: &CommonArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario)?;
    let study = Study::deterministic(&loaded)?;
    let audit = &study.audit;
    let lang = args.lang();
    let text = match args.format {
        Format::Json => documents::to_json(&documents::audit(&loaded, audit, lang)?)?,
        Format::Csv => tables::audit(&audit.checks)?,
        Format::Table => terminal::audit(&loaded, &audit.checks, &audit.not_applicable, lang),
    };
    emit(&text, args.output.as_deref(), &args.inputs())
}
