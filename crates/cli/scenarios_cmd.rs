//! `grdp scenarios`: the built-in scenarios, listed or printed whole.

use grdp_scenario::builtin;

use crate::args::{LangArg, ScenariosArgs};
use crate::output::{Output, emit};

pub fn run(args: &ScenariosArgs) -> anyhow::Result<()> {
    let text = match args.name {
        Some(b) => b.toml.to_string(),
        None => {
            let vi = args.lang == LangArg::Vi;
            let width = builtin::ALL.iter().map(|b| b.name.len()).max().unwrap_or(0);
            let mut out = String::from(if vi {
                "Kịch bản có sẵn (chạy bằng --builtin TÊN; in toàn văn bằng `grdp scenarios TÊN`):\n\n"
            } else {
                "Built-in scenarios (run one with --builtin NAME; print it with `grdp scenarios NAME`):\n\n"
            });
            for (i, b) in builtin::ALL.iter().enumerate() {
                let (summary, default) = if vi {
                    (b.summary_vi, " (mặc định)")
                } else {
                    (b.summary, " (the default)")
                };
                let default = if i == 0 { default } else { "" };
                out += &format!("  {:width$}  {summary}{default}\n", b.name);
            }
            out
        }
    };
    // A starting file must not replace one the user has been editing (a
    // folder, a device or a link to nothing get the writer's own message).
    if let Some(path) = &args.output
        && !args.force
        && path.as_os_str() != "-"
        && std::fs::metadata(path).is_ok_and(|m| m.is_file())
    {
        return Err(crate::UsageError(crate::args::in_lang(
            format!(
                "{} exists (perhaps a scenario you have edited); choose another name, or add --force to replace it",
                path.display()
            ),
            format!(
                "{} đã có (có thể là kịch bản bạn đã sửa); hãy chọn tên khác, hoặc thêm --force để ghi đè",
                path.display()
            ),
        ))
        .into());
    }
    emit(&Output::Text(text), args.output.as_deref(), &[])
}
