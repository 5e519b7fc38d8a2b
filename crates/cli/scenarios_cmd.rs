//! `grdp scenarios`: the built-in scenarios, listed or printed whole.

use grdp_scenario::builtin;

use crate::args::ScenariosArgs;
use crate::output::{Output, emit};

pub fn run(args: &ScenariosArgs) -> anyhow::Result<()> {
    let text = match args.name {
        Some(b) => b.toml.to_string(),
        None => {
            let width = builtin::ALL.iter().map(|b| b.name.len()).max().unwrap_or(0);
            let mut out = String::from(
                "Built-in scenarios (run one with --builtin NAME; print it with `grdp scenarios NAME`):\n\n",
            );
            for (i, b) in builtin::ALL.iter().enumerate() {
                let default = if i == 0 { " (the default)" } else { "" };
                out += &format!("  {:width$}  {}{default}\n", b.name, b.summary);
            }
            out
        }
    };
    emit(&Output::Text(text), args.output.as_deref(), &[])
}
