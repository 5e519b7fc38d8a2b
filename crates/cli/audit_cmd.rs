//! `grdp audit`: do the targets hang together, and what do they imply?

use grdp_report::{documents, tables, terminal, workbook};
use grdp_study::Study;

use crate::args::{CommonArgs, Format};
use crate::output::{Output, emit};

pub fn run(args: &CommonArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario, args.builtin)?;
    let study = Study::deterministic(&loaded)?;
    let audit = &study.audit;
    let lang = args.lang();
    let out = match args.format {
        Format::Json => Output::Text(documents::to_json(&documents::audit(
            &loaded, audit, lang,
        )?)?),
        Format::Csv => Output::Text(tables::audit(&audit.checks)?),
        Format::Xlsx => Output::Workbook(workbook::audit(&audit.checks, &loaded, lang)?),
        Format::Table => Output::Text(terminal::audit(
            &loaded,
            &audit.checks,
            &audit.not_applicable,
            lang,
        )),
    };
    emit(&out, args.output.as_deref(), &args.inputs())
}
