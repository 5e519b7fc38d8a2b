//! `grdp combine`: provinces' base years combined into one `[base]` block.

use grdp_report::documents;
use grdp_scenario::read_scenario;
use grdp_study::merger::combine;

use crate::args::{CalibrateFormat, CombineArgs};
use crate::output::{Output, emit};

pub fn run(args: &CombineArgs) -> anyhow::Result<()> {
    // The same file twice would count a province twice.
    let mut seen: Vec<std::path::PathBuf> = Vec::new();
    for p in &args.scenarios {
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        if seen.contains(&key) {
            return Err(crate::UsageError(crate::args::in_lang(
                format!(
                    "{} is given twice; expected each province once",
                    p.display()
                ),
                format!("{} được nêu hai lần; mỗi tỉnh chỉ nêu một lần", p.display()),
            ))
            .into());
        }
        seen.push(key);
    }
    let loaded = args
        .scenarios
        .iter()
        .map(|p| read_scenario(p))
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<String> = args
        .scenarios
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let economies: Vec<_> = loaded.iter().map(|l| l.scenario.economy()).collect();
    let combined = combine(&economies, &names).map_err(|e| crate::errors::in_flags(e.into()))?;
    let command = format!("grdp combine {}", names.join(" "));
    let text = match args.format {
        CalibrateFormat::Json => documents::to_json(&combined)?,
        CalibrateFormat::Toml => documents::combined_base_block(&combined, &command, &names),
    };
    let inputs: Vec<&std::path::Path> = args.scenarios.iter().map(|p| p.as_path()).collect();
    emit(&Output::Text(text), args.output.as_deref(), &inputs)
}
