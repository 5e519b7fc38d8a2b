//! The command line under `--lang vi`: the same commands, options and
//! value parsers as [`crate::args::Cli`], with `--help` and `-h` in
//! Vietnamese.
//!
//! The doc comments in `args.rs` stay the English source. Under `--lang vi`
//! the command is rebuilt from them: every about, help and after-help text
//! is looked up by its English words in [`TEXTS`], every value name in
//! [`VALUE_NAMES`], and clap's own English (`Usage:`, `[OPTIONS]`, the
//! headings, the help and version flags, `[default: …]`, `Possible
//! values:`) is replaced, or hidden and written here in Vietnamese. Keyed
//! by the English words, a translation cannot outlive the text it
//! translates: the tests below fail for an English text with no
//! Vietnamese, and for a Vietnamese one whose English is gone.

use std::ffi::OsString;

use clap::builder::{Str, Styles};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use crate::args::Cli;

/// The heading of the usage line (clap's `Usage:`).
const USAGE: &str = "Cách dùng:";
/// The heading of the positional arguments (clap's `Arguments`).
const ARGUMENTS: &str = "Tham số";
/// The heading of the options (clap's `Options`).
const OPTIONS: &str = "Tùy chọn";
/// The heading of the commands (clap's `Commands`).
const COMMANDS: &str = "Lệnh";
/// The placeholder of a command in a usage line (clap's `<COMMAND>`).
const COMMAND: &str = "LỆNH";
/// What stands for the options in a usage line (clap's `[OPTIONS]`).
const OPTIONS_TAG: &str = "[TÙY_CHỌN]";
/// `-h`'s own line in the short help.
const HELP_SHORT: &str = "Hiện hướng dẫn (xem đầy đủ bằng '--help')";
/// `--help`'s own line in the long help.
const HELP_LONG: &str = "Hiện hướng dẫn (xem bản tóm tắt bằng '-h')";
/// `-V`'s line.
const VERSION: &str = "Hiện số phiên bản";
/// What the `help` command does (clap's "Print this message or the help
/// of the given subcommand(s)").
const HELP_COMMAND: &str = "Hiện hướng dẫn này, hoặc hướng dẫn của lệnh được nêu";
/// Before an option's default value (clap's `[default: …]`).
const DEFAULT: &str = "mặc định";
/// Before the values an option takes, on one line (clap's `[possible values: …]`).
const ONE_OF: &str = "một trong";
/// Above the values an option takes, one a line with what each does
/// (clap's `Possible values:`).
const VALUES: &str = "Một trong các giá trị:";

/// The id of the `--lang` that `grdp --lang vi --help` gives before any
/// command: read for the help only (a command's own `--lang` follows it).
const TOP_LANG: &str = "lang";

/// Every English text of the help, with its Vietnamese: about, after-help,
/// options' and values' help, as clap holds them (the derive drops a
/// one-paragraph doc comment's final period).
const TEXTS: &[(&str, &str)] = &[
    // grdp
    (
        "Project a provincial economy (GRDP) by sector, check whether its growth targets hang together, and solve for what they need",
        "Dự báo kinh tế của một tỉnh, thành phố (GRDP) theo khu vực, kiểm tra các chỉ tiêu tăng trưởng có nhất quán với nhau không, và tính mức cần đạt để hoàn thành chỉ tiêu",
    ),
    (
        "Project a provincial economy (GRDP) by sector, check whether its growth targets hang together, and solve for what they need.\n\nWith no SCENARIO, every command uses the built-in Cần Thơ 2025 scenario (the city council's draft resolution, December 2024).",
        "Dự báo kinh tế của một tỉnh, thành phố (GRDP) theo khu vực, kiểm tra các chỉ tiêu tăng trưởng có nhất quán với nhau không, và tính mức cần đạt để hoàn thành chỉ tiêu.\n\nKhi không nêu TỆP_KỊCH_BẢN, mọi lệnh dùng kịch bản có sẵn Cần Thơ 2025 (dự thảo nghị quyết của HĐND thành phố, tháng 12/2024).",
    ),
    (
        "Examples:\n  grdp audit\n  grdp project --lang vi\n  grdp solve --target 9.5 --component services\n\nExit codes: 0 success, 1 bad input or data, 2 usage.",
        "Ví dụ:\n  grdp audit --lang vi\n  grdp project --lang vi\n  grdp solve --target 9.5 --component services --lang vi\n\nMã thoát: 0 thành công; 1 lỗi ở tệp đầu vào hoặc số liệu; 2 gọi lệnh sai cách.",
    ),
    // grdp project
    (
        "Project GRDP: growth, contributions, structure, per capita, productivity; targets met or missed",
        "Dự báo GRDP: tăng trưởng, đóng góp vào tăng trưởng, cơ cấu kinh tế, GRDP bình quân đầu người, năng suất lao động; chỉ tiêu đạt hay không đạt",
    ),
    (
        "Examples:\n  grdp project\n  grdp project my-province.toml --format csv -o projection.csv\n  grdp project --lang vi",
        "Ví dụ:\n  grdp project --lang vi\n  grdp project tinh-cua-toi.toml --format csv -o du-bao.csv --lang vi\n  grdp project --format xlsx -o du-bao.xlsx --lang vi",
    ),
    // grdp audit
    (
        "Check whether the targets hang together, and what they imply",
        "Kiểm tra các chỉ tiêu có nhất quán với nhau không, và các chỉ tiêu đó đòi hỏi những gì",
    ),
    (
        "Examples:\n  grdp audit\n  grdp audit --format json | jq '.checks[] | {id, status}'\n\nChecks: sector_growth_vs_aggregate, structure_sums_to_100, structure_price_path,\nper_capita, labour_productivity, period_average, investment_icor. Status: pass, warn or fail.",
        "Ví dụ:\n  grdp audit --lang vi\n  grdp audit --format json | jq '.checks[] | {id, status}'\n\nCác phép kiểm tra (mã `id` trong JSON): sector_growth_vs_aggregate, structure_sums_to_100,\nstructure_price_path, per_capita, labour_productivity, period_average, investment_icor.\nTrạng thái (`status`): pass (đạt), warn (cảnh báo) hoặc fail (không đạt).",
    ),
    // grdp report
    (
        "Write the briefing: the verdict, up to eleven charts, an offline page, summary.json, CSV tables and an Excel workbook",
        "Lập báo cáo: kết luận, tối đa mười một biểu đồ, một trang xem được cả khi không có mạng, summary.json, các bảng CSV và một tệp Excel",
    ),
    (
        "Examples:\n  grdp report\n  grdp report --lang vi -o bao-cao\n  grdp report my-province.toml -o my-report --scale 2 -n 200000\n\nThe folder is swapped in whole, never half-written; a rerun replaces only the files an earlier\nreport wrote and keeps every other file. A folder that is not a report needs --force (its files\nare kept too).",
        "Ví dụ:\n  grdp report --lang vi\n  grdp report --lang vi -o bao-cao\n  grdp report tinh-cua-toi.toml --lang vi -o bao-cao-tinh --scale 2 -n 200000\n\nThư mục báo cáo được thay trọn một lần, không bao giờ ghi dở dang; khi chạy lại, chỉ các tệp do\nbáo cáo trước ghi được thay, mọi tệp khác được giữ nguyên. Muốn ghi vào một thư mục không phải\nthư mục báo cáo thì cần --force (các tệp trong đó cũng được giữ nguyên).",
    ),
    // grdp simulate
    (
        "How likely is the growth target? Monte Carlo over the scenario's `[uncertainty]` block",
        "Khả năng đạt chỉ tiêu tăng trưởng là bao nhiêu? Mô phỏng Monte Carlo theo mục `[uncertainty]` của kịch bản",
    ),
    (
        "Examples:\n  grdp simulate\n  grdp simulate -n 10000000 --seed 7 --threads 2\n  grdp simulate --precision 0.002 --optimism-bias history --format json\n  grdp simulate --target 9.5 --feasibility services --save-draws draws.csv\n\nP(growth ≥ target) counts the target as met when growth equals it (inclusive bound).\nThe same seed gives the same result at any --threads.",
        "Ví dụ:\n  grdp simulate --lang vi\n  grdp simulate -n 10000000 --seed 7 --threads 2 --lang vi\n  grdp simulate --precision 0.002 --optimism-bias history --format json\n  grdp simulate --target 9.5 --feasibility services --save-draws cac-lan-mo-phong.csv --lang vi\n\nXác suất P(tăng trưởng ≥ chỉ tiêu) coi chỉ tiêu là đạt cả khi tăng trưởng bằng đúng chỉ tiêu.\nCùng số khởi tạo ngẫu nhiên (--seed) cho cùng kết quả với mọi số luồng (--threads).",
    ),
    // grdp calibrate
    (
        "Estimate growth distributions and correlations from history; print an `[uncertainty]` block",
        "Ước lượng phân phối của tốc độ tăng trưởng và hệ số tương quan từ chuỗi số liệu quá khứ; in ra một mục `[uncertainty]`",
    ),
    (
        "Examples:\n  grdp calibrate --region vietnam --exclude 2020,2021 --scale-to can_tho\n  grdp calibrate my-history.csv --region my_province --format json",
        "Ví dụ:\n  grdp calibrate --region vietnam --exclude 2020,2021 --scale-to can_tho\n  grdp calibrate chuoi-so-lieu.csv --region tinh_cua_toi --format json",
    ),
    // grdp derive
    (
        "Constant-price weights from a statistics release (contributions, shares of the increase, or levels and price indices): a ready `[base]` block",
        "Tính tỷ trọng theo giá so sánh từ số liệu thống kê đã công bố (mức đóng góp, tỷ lệ đóng góp vào mức tăng, hoặc giá trị và chỉ số giá): một mục `[base]` dùng được ngay",
    ),
    (
        "Examples:\n  grdp derive --region can_tho --period 2022\n  grdp derive my-release.csv --region tra_vinh --period 2024 --rest product_taxes\n\nThe release is the history file's rows of one region and period (docs/scenario-format.md#derived-weights):\ngrowth_pct with contribution_pp or share_of_increase_pct, or current_bn_vnd with deflator_index;\na `total` row's growth_pct is the published aggregate the weights are checked against.",
        "Ví dụ:\n  grdp derive --region can_tho --period 2022\n  grdp derive so-lieu-cong-bo.csv --region tra_vinh --period 2024 --rest product_taxes\n\nSố liệu công bố là các dòng của một địa phương và một kỳ trong tệp chuỗi số liệu\n(docs/scenario-format.md#derived-weights): growth_pct cùng contribution_pp hoặc\nshare_of_increase_pct, hoặc current_bn_vnd cùng deflator_index; growth_pct của dòng `total`\nlà tốc độ tăng trưởng GRDP đã công bố, dùng để đối chiếu các tỷ trọng.",
    ),
    // grdp backtest
    (
        "How grdp's probabilities would have fared: past targets and outcomes, year by year",
        "Kiểm định ngược: nếu dùng trong quá khứ, xác suất do grdp tính đã đúng đến đâu so với chỉ tiêu và kết quả thực hiện từng năm",
    ),
    (
        "Examples:\n  grdp backtest\n  grdp backtest --sd 1.5 --format json\n\nA first, aggregate version: each year's growth normal around a view's centre (plan: the\ntarget; recent: last year's growth; plan_less_shortfall: the target less the median earlier\nshortfall), one spread for every year.",
        "Ví dụ:\n  grdp backtest --lang vi\n  grdp backtest --sd 1.5 --format json\n\nPhiên bản đầu, chỉ cho tăng trưởng GRDP: tăng trưởng mỗi năm có phân phối chuẩn quanh giá trị\ntrung tâm của một kịch bản (plan: chỉ tiêu; recent: tốc độ tăng năm trước; plan_less_shortfall:\nchỉ tiêu trừ mức hụt trung vị các năm trước), cùng một độ lệch chuẩn cho mọi năm.",
    ),
    // grdp batch
    (
        "Every region's growth target at once: last year's growth, the step-up, P(target) and the outcome, from a provincial table",
        "Chỉ tiêu tăng trưởng của mọi địa phương cùng lúc: tốc độ tăng năm trước, chênh lệch cần nâng, xác suất đạt chỉ tiêu và kết quả thực hiện, từ bảng số liệu các tỉnh",
    ),
    (
        "Examples:\n  grdp batch\n  grdp batch --chart provinces.png --format csv -o provinces.csv\n  grdp batch my-provinces.csv --year 2026 --sd-from cantho --format json\n  grdp batch my-scenarios/ --chart neighbours.png\n\nThe table is a history file (region,period,component,indicator,value,...): each region's\ngrowth_target_min_pct for the year, and where known last year's growth_pct, sector growth with\ncontribution_pp or share_current_pct, and the year's outcome. The built-in table is\ndata/provinces/provinces.csv (Resolution 25/NQ-CP's 2025 targets of 54 provinces).\nA folder of scenario files gives one row a file: its own model, its preferred view.\nThe same seed gives the same table at any --threads.",
        "Ví dụ:\n  grdp batch --lang vi\n  grdp batch --chart cac-tinh.png --format csv -o cac-tinh.csv --lang vi\n  grdp batch bang-cac-tinh.csv --year 2026 --sd-from cantho --format json\n  grdp batch thu-muc-kich-ban/ --chart lan-can.png --lang vi\n\nBảng là một tệp chuỗi số liệu (region,period,component,indicator,value,...): growth_target_min_pct\ncủa năm đó cho từng địa phương, và nếu có: growth_pct năm trước, tốc độ tăng các khu vực cùng\ncontribution_pp hoặc share_current_pct, và kết quả thực hiện của năm. Bảng có sẵn là\ndata/provinces/provinces.csv (chỉ tiêu năm 2025 của 54 tỉnh, thành phố theo Nghị quyết 25/NQ-CP).\nMột thư mục tệp kịch bản cho mỗi tệp một dòng, theo mô hình riêng và kịch bản được chọn của tệp đó.\nCùng số khởi tạo ngẫu nhiên (--seed) cho cùng bảng kết quả với mọi số luồng (--threads).",
    ),
    // grdp combine
    (
        "Combine several provinces' base years into one, for a merger whose own figures are not yet published",
        "Gộp số liệu năm xuất phát của nhiều tỉnh thành một, cho địa phương sau hợp nhất chưa có số liệu công bố riêng",
    ),
    (
        "Examples:\n  grdp combine can-tho.toml hau-giang.toml soc-trang.toml -o merged-base.toml\n\nEach file is a scenario with the same components and base year, and current-price levels.\nConstant-price levels are summed where every file gives them; otherwise the weights are\naveraged with current-price GRDP (an assumption, said in the output).",
        "Ví dụ:\n  grdp combine can-tho.toml hau-giang.toml soc-trang.toml -o sau-hop-nhat.toml\n\nMỗi tệp là một kịch bản có cùng các thành phần, cùng năm xuất phát, và có giá trị theo giá hiện hành.\nGiá trị theo giá so sánh được cộng lại khi mọi tệp đều có; nếu không, tỷ trọng được bình quân\ngia quyền theo GRDP giá hiện hành (một giả định, được ghi rõ trong kết quả).",
    ),
    // grdp scenarios
    (
        "List the built-in scenarios, or print one as a starting file for your own",
        "Liệt kê các kịch bản có sẵn, hoặc in một kịch bản ra làm tệp khởi đầu cho kịch bản của bạn",
    ),
    (
        "Examples:\n  grdp scenarios\n  grdp scenarios cantho-2026 -o my-province.toml\n  grdp report --builtin cantho-2026",
        "Ví dụ:\n  grdp scenarios --lang vi\n  grdp scenarios cantho-2026 -o tinh-cua-toi.toml\n  grdp report --builtin cantho-2026 --lang vi",
    ),
    // grdp solve
    (
        "Solve for the growth a target needs",
        "Tính tốc độ tăng cần đạt để hoàn thành một chỉ tiêu",
    ),
    (
        "Examples:\n  grdp solve --target 9.5 --component services\n  grdp solve --target 9.5 --uniform\n  grdp solve --period 2021-2025 --average 7.5",
        "Ví dụ:\n  grdp solve --target 9.5 --component services --lang vi\n  grdp solve --target 9.5 --uniform --lang vi\n  grdp solve --period 2021-2025 --average 7.5 --lang vi",
    ),
    // The options every command on a scenario takes.
    (
        "Scenario file (TOML); the built-in Cần Thơ 2025 scenario if omitted",
        "Tệp kịch bản (TOML); nếu không nêu, dùng kịch bản có sẵn Cần Thơ 2025",
    ),
    (
        "A built-in scenario by name instead of a file (`grdp scenarios` lists them)",
        "Dùng kịch bản có sẵn theo tên, thay cho tệp (`grdp scenarios` liệt kê các kịch bản có sẵn)",
    ),
    ("Output format", "Định dạng đầu ra"),
    (
        "Language of component names and headers",
        "Ngôn ngữ của tên các thành phần và tiêu đề bảng",
    ),
    (
        "Write to FILE instead of standard output (whole or not at all; `-` is standard output)",
        "Ghi ra TỆP thay vì đầu ra chuẩn (ghi trọn vẹn hoặc không ghi gì; `-` là đầu ra chuẩn)",
    ),
    (
        "Write to FILE instead of standard output",
        "Ghi ra TỆP thay vì đầu ra chuẩn",
    ),
    // The values of --format.
    (
        "Aligned tables, units in the headers",
        "Bảng căn thẳng cột, đơn vị ghi ở tiêu đề cột",
    ),
    (
        "JSON, as documented in docs/json.md",
        "JSON, theo mô tả trong docs/json.md",
    ),
    ("CSV with a header row", "CSV có dòng tiêu đề"),
    (
        "An Excel workbook (needs `-o FILE.xlsx`): the same tables, numbers as numbers, units in the headers",
        "Tệp Excel (cần `-o TỆP.xlsx`): các bảng như trên, số giữ dạng số, đơn vị ghi ở tiêu đề cột",
    ),
    (
        "A block for a scenario file, with the estimates as comments",
        "Một mục để chép vào tệp kịch bản, các ước lượng ghi thành chú thích",
    ),
    ("Every estimate, as JSON", "Mọi ước lượng, dạng JSON"),
    // The values of --lang.
    ("English", "Tiếng Anh"),
    ("Tiếng Việt", "Tiếng Việt"),
    // grdp solve
    (
        "Aggregate real GRDP growth target, percent (e.g. 9.5); default: the scenario's growth target for the year (its lower bound)",
        "Chỉ tiêu tăng trưởng GRDP (theo giá so sánh), tính bằng % (ví dụ `9.5`); mặc định: chỉ tiêu tăng trưởng của năm trong kịch bản (cận dưới)",
    ),
    (
        "Solve for this component's growth, the others as planned",
        "Tính tốc độ tăng cần đạt của thành phần này, các thành phần khác giữ như kế hoạch",
    ),
    (
        "Solve for one add-on to every component's growth",
        "Tính một mức cộng thêm như nhau vào tốc độ tăng của mọi thành phần",
    ),
    (
        "Solve for the combined growth of every component but this one, this one as planned (e.g. --all-but agriculture: the economy outside agriculture)",
        "Tính tốc độ tăng chung cần đạt của mọi thành phần trừ thành phần này, thành phần này giữ như kế hoạch (ví dụ `--all-but agriculture`: nền kinh tế ngoài khu vực nông, lâm nghiệp và thủy sản)",
    ),
    (
        "What the rest of the year needs, given growth known so far, cumulated from January as releases print it: Q1=7.15, H1=7.87 or 9M=7.39 (percent on the same period of the year before)",
        "Phần còn lại của năm cần tăng bao nhiêu, khi đã biết tốc độ tăng lũy kế từ đầu năm như số liệu công bố: `Q1=7.15` (quý I), `H1=7.87` (6 tháng) hoặc `9M=7.39` (9 tháng), tính bằng % so với cùng kỳ năm trước",
    ),
    (
        "With --remaining: the base year's quarter shares of GRDP at constant prices, percent, Q1,Q2,Q3,Q4 (default: equal, 25 each)",
        "Đi cùng --remaining: tỷ trọng của bốn quý trong GRDP năm xuất phát theo giá so sánh, tính bằng %, theo thứ tự Q1,Q2,Q3,Q4 (mặc định: bằng nhau, mỗi quý 25)",
    ),
    (
        "With --remaining: what the year comes to if the rest grows this much, percent",
        "Đi cùng --remaining: cả năm tăng bao nhiêu nếu phần còn lại của năm tăng mức này, tính bằng %",
    ),
    (
        "Year to solve for (default: the first plan year)",
        "Năm cần tính (mặc định: năm đầu tiên của kế hoạch)",
    ),
    (
        "A period, FIRST-LAST (e.g. 2021-2025), for an average growth target",
        "Một giai đoạn, NĂM_ĐẦU-NĂM_CUỐI (ví dụ `2021-2025`), cho chỉ tiêu tăng trưởng bình quân",
    ),
    (
        "Average real growth over the period, percent a year (geometric)",
        "Tốc độ tăng trưởng bình quân của giai đoạn theo giá so sánh, %/năm (bình quân nhân)",
    ),
    // grdp simulate and grdp report
    (
        "Draws: simulated paths of the economy (the most, with --precision). `--scenarios` is the older name",
        "Số lần mô phỏng, mỗi lần là một lộ trình của nền kinh tế (số tối đa, khi có --precision). `--scenarios` là tên cũ của tùy chọn này",
    ),
    (
        "Draws (simulated paths) per view. `--scenarios` is the older name",
        "Số lần mô phỏng cho mỗi kịch bản. `--scenarios` là tên cũ của tùy chọn này",
    ),
    (
        "Seed of the random numbers (the same seed gives the same result)",
        "Số khởi tạo ngẫu nhiên (seed): cùng số cho cùng kết quả",
    ),
    (
        "Seed of the random numbers",
        "Số khởi tạo ngẫu nhiên (seed)",
    ),
    (
        "Worker threads (default: every core). Results do not depend on it",
        "Số luồng tính toán (mặc định: mọi nhân của máy). Kết quả không phụ thuộc vào số luồng",
    ),
    (
        "Stop once the 95% interval on P is this narrow (half-width, e.g. 0.005)",
        "Dừng khi khoảng tin cậy 95% của xác suất đã hẹp đến mức này (nửa độ rộng, ví dụ `0.005`)",
    ),
    (
        "Aggregate growth target, percent (default: the scenario's)",
        "Chỉ tiêu tăng trưởng GRDP, tính bằng % (mặc định: chỉ tiêu của kịch bản)",
    ),
    (
        "Aggregate growth target whose chance the briefing leads with, percent (default: the scenario's)",
        "Chỉ tiêu tăng trưởng GRDP có xác suất đạt được nêu ngay đầu báo cáo, tính bằng % (mặc định: chỉ tiêu của kịch bản)",
    ),
    (
        "Year of the target (default: the scenario's target year)",
        "Năm của chỉ tiêu (mặc định: năm chỉ tiêu của kịch bản)",
    ),
    (
        "Year of that target (default: the scenario's target year)",
        "Năm của chỉ tiêu đó (mặc định: năm chỉ tiêu của kịch bản)",
    ),
    (
        "Only these views (ids, comma separated); default: every view",
        "Chỉ chạy các kịch bản này (mã kịch bản, cách nhau bằng dấu phẩy); mặc định: mọi kịch bản",
    ),
    (
        "Add the record of planning optimism to every draw and report P with and without it",
        "Cộng xu hướng đặt chỉ tiêu lạc quan trong quá khứ vào mỗi lần mô phỏng, và cho xác suất khi có và khi không có phần cộng thêm này",
    ),
    (
        "Add the record of past shortfalls and show P with and without it (default: history where the scenario names its own record with `history_region`, as `cantho-2025` does; none otherwise)",
        "Cộng thêm mức hụt chỉ tiêu trong quá khứ và cho xác suất khi có và khi không có phần cộng thêm này (mặc định: `history` nếu kịch bản nêu chuỗi số liệu của chính địa phương bằng `history_region`, như `cantho-2025`; nếu không thì `none`)",
    ),
    ("No", "Không"),
    (
        "Resample the region's past outcome − target shortfalls (from the history) into every year of every draw",
        "Cộng vào mỗi năm của mỗi lần mô phỏng một mức hụt (kết quả thực hiện − chỉ tiêu) lấy ngẫu nhiên từ các năm trước của địa phương, trong chuỗi số liệu",
    ),
    (
        "History file for --optimism-bias (default: the built-in one)",
        "Tệp chuỗi số liệu cho --optimism-bias (mặc định: tệp có sẵn)",
    ),
    (
        "Region of the record in the history (default: the scenario's own, its `history_region`, as `cantho-2025` names `can_tho`)",
        "Địa phương trong chuỗi số liệu có mức hụt chỉ tiêu được dùng (mặc định: địa phương của kịch bản, tức `history_region`; ví dụ `cantho-2025` nêu `can_tho`)",
    ),
    (
        "Which estimate of past outcomes the record uses (both are shown)",
        "Dùng số ước tính nào của kết quả thực hiện các năm trước (kết quả theo cả hai đều được trình bày)",
    ),
    (
        "The outcomes as finally measured (revised where they were revised)",
        "Số ước tính mới nhất của kết quả thực hiện (số đã điều chỉnh, nếu có điều chỉnh)",
    ),
    (
        "The outcomes as first estimated: what planners saw when they set the next target",
        "Số ước tính đầu tiên: số liệu người lập kế hoạch có trong tay khi đặt chỉ tiêu năm sau",
    ),
    (
        "The view whose probability is the answer (default: the scenario's choice)",
        "Kịch bản có xác suất được lấy làm câu trả lời (mặc định: kịch bản được chọn trong tệp kịch bản)",
    ),
    (
        "Component whose centre the feasibility curve varies (default: the largest)",
        "Thành phần có giá trị trung tâm được thay đổi để vẽ đường xác suất đạt chỉ tiêu (mặc định: thành phần lớn nhất)",
    ),
    (
        "Component whose required growth is reported (default: the largest)",
        "Thành phần được tính tốc độ tăng cần đạt (mặc định: thành phần lớn nhất)",
    ),
    (
        "What a release gives of the target year so far, cumulated from January on the same period of the year before, percent: Q1=7.15, H1=7.4 or 9M=7.5 (default: the scenario's `[known]`, where given)",
        "Tốc độ tăng đã công bố của năm chỉ tiêu tính đến nay, lũy kế từ đầu năm so với cùng kỳ năm trước, tính bằng %: `Q1=7.15` (quý I), `H1=7.4` (6 tháng) hoặc `9M=7.5` (9 tháng) (mặc định: mục `[known]` của kịch bản, nếu có)",
    ),
    (
        "With --known: the year before's quarter shares at constant prices, percent, Q1,Q2,Q3,Q4 (default: the scenario's, else equal)",
        "Đi cùng --known: tỷ trọng của bốn quý năm trước theo giá so sánh, tính bằng %, theo thứ tự Q1,Q2,Q3,Q4 (mặc định: tỷ trọng trong kịch bản, nếu không có thì bằng nhau)",
    ),
    (
        "With --known (or what the scenario knows of the year): the spread of the rest of the year's growth over the year's (default: from independent quarters, 2 with one quarter left)",
        "Đi cùng --known (hoặc phần đã biết của năm trong kịch bản): độ lệch chuẩn tăng trưởng của phần còn lại của năm gấp bao nhiêu lần độ lệch chuẩn của cả năm (mặc định: tính theo giả định các quý độc lập; bằng 2 khi còn một quý)",
    ),
    (
        "Write every draw of the first view (target year) to this CSV file (`-`: standard output, when the table has a file of its own)",
        "Ghi mọi lần mô phỏng của kịch bản đầu tiên (năm chỉ tiêu) ra tệp CSV này (`-`: đầu ra chuẩn, khi bảng kết quả được ghi ra tệp riêng)",
    ),
    ("No progress bar", "Không hiện thanh tiến độ"),
    // grdp report
    ("The report folder", "Thư mục báo cáo"),
    (
        "Language of every label and sentence",
        "Ngôn ngữ của mọi nhãn và câu chữ trong báo cáo",
    ),
    (
        "History file holding the scenario's own record (its `history_region`): past targets and outcomes (default: the built-in one, data/history.csv)",
        "Tệp chuỗi số liệu chứa chỉ tiêu và kết quả thực hiện trong quá khứ của chính địa phương trong kịch bản (`history_region` của kịch bản) (mặc định: tệp có sẵn, data/history.csv)",
    ),
    (
        "Provincial table (CSV, the history format) for the comparison with the neighbours the scenario names in its compare block (default: the built-in one, data/provinces/provinces.csv)",
        "Bảng số liệu các tỉnh (CSV, cùng dạng tệp chuỗi số liệu) để so sánh với các địa phương lân cận mà kịch bản nêu trong mục compare (mặc định: bảng có sẵn, data/provinces/provinces.csv)",
    ),
    (
        "Who issues the briefing, printed under its title (default: the scenario's `issuer`)",
        "Cơ quan ban hành báo cáo, in dưới tiêu đề (mặc định: `issuer` của kịch bản)",
    ),
    (
        "Pixel scale of the charts: 1 for 1200 × 750, 2 for print",
        "Hệ số phóng to điểm ảnh của biểu đồ: 1 cho cỡ 1200 × 750, 2 để in",
    ),
    (
        "Write into a folder that is not an earlier grdp report (its files are kept)",
        "Ghi vào một thư mục không phải báo cáo grdp trước đây (các tệp đang có được giữ nguyên)",
    ),
    // grdp calibrate
    (
        "History file (CSV: region,period,component,indicator,value,...); the built-in one if omitted",
        "Tệp chuỗi số liệu (CSV: region,period,component,indicator,value,...); nếu không nêu, dùng tệp có sẵn",
    ),
    (
        "Region whose sector growth is estimated",
        "Địa phương được ước lượng tăng trưởng các khu vực",
    ),
    (
        "Components to estimate, comma separated (default: every one the region has)",
        "Các thành phần cần ước lượng, cách nhau bằng dấu phẩy (mặc định: mọi thành phần địa phương có)",
    ),
    ("First year to use", "Năm đầu tiên lấy số liệu"),
    ("Last year to use", "Năm cuối cùng lấy số liệu"),
    (
        "Years to leave out, comma separated (e.g. the pandemic: 2020,2021)",
        "Các năm loại ra, cách nhau bằng dấu phẩy (ví dụ các năm dịch COVID-19: `2020,2021`)",
    ),
    (
        "Scale the standard deviations to this region's volatility: the ratio of its aggregate growth SD to the region's, over their common years",
        "Điều chỉnh các độ lệch chuẩn theo mức dao động của địa phương này: nhân với tỷ số giữa độ lệch chuẩn tăng trưởng GRDP của địa phương này và của địa phương được ước lượng, tính trên các năm cả hai cùng có số liệu",
    ),
    (
        "Language of the messages (errors and warnings); the block written is the same in either",
        "Ngôn ngữ của thông báo (lỗi và cảnh báo); mục được ghi ra giống nhau ở cả hai ngôn ngữ",
    ),
    // grdp derive
    (
        "History file holding the release (CSV: region,period,component,indicator,value,...); the built-in one if omitted",
        "Tệp chuỗi số liệu chứa số liệu công bố (CSV: region,period,component,indicator,value,...); nếu không nêu, dùng tệp có sẵn",
    ),
    (
        "Region of the release, as in the history (e.g. can_tho)",
        "Địa phương của số liệu công bố, ghi như trong chuỗi số liệu (ví dụ `can_tho`)",
    ),
    (
        "Period of the release, as in the history (e.g. 2022, or 2025-9M)",
        "Kỳ của số liệu công bố, ghi như trong chuỗi số liệu (ví dụ `2022`, hoặc `2025-9M` cho 9 tháng)",
    ),
    (
        "A component the release leaves out (e.g. product_taxes), filled in from the published total: contribution = total − listed, weight = 100 − listed weights (an assumption, said in the output)",
        "Thành phần không có trong số liệu công bố (ví dụ `product_taxes`: thuế sản phẩm trừ trợ cấp sản phẩm), được suy ra từ tổng đã công bố: mức đóng góp = tổng − các thành phần đã có, tỷ trọng = 100 − tỷ trọng các thành phần đã có (một giả định, được ghi rõ trong kết quả)",
    ),
    // grdp backtest
    (
        "History file (CSV); the built-in one if omitted",
        "Tệp chuỗi số liệu (CSV); nếu không nêu, dùng tệp có sẵn",
    ),
    (
        "Region whose record is scored",
        "Địa phương có chuỗi chỉ tiêu và kết quả thực hiện dùng để chấm điểm",
    ),
    (
        "Which estimate of past outcomes",
        "Dùng số ước tính nào của kết quả thực hiện các năm trước",
    ),
    (
        "Spread of one year's growth, percentage points (default: the built-in scenario's simulated spread of its target year, plan view)",
        "Độ lệch chuẩn của tăng trưởng một năm, tính bằng điểm phần trăm (mặc định: độ lệch chuẩn của năm chỉ tiêu khi mô phỏng kịch bản có sẵn, theo kịch bản kế hoạch `plan`)",
    ),
    (
        "Draws of the built-in scenario's views (its spread, and where the 2025 outcome falls): the report's default, so the page's figures are these",
        "Số lần mô phỏng khi chạy kịch bản có sẵn (để có độ lệch chuẩn, và vị trí của kết quả năm 2025 trong phân phối): bằng mặc định của lệnh report, nên các số trên trang báo cáo chính là các số này",
    ),
    (
        "Seed of those draws",
        "Số khởi tạo ngẫu nhiên (seed) của các lần mô phỏng đó",
    ),
    ("Language of the table", "Ngôn ngữ của bảng"),
    // grdp batch
    (
        "The provincial table (a history file, CSV), or a folder of scenario files (one .toml a region, each under its own model); the built-in table if omitted",
        "Bảng số liệu các tỉnh (một tệp chuỗi số liệu, CSV), hoặc một thư mục tệp kịch bản (mỗi địa phương một tệp .toml, mỗi tệp theo mô hình riêng); nếu không nêu, dùng bảng có sẵn",
    ),
    ("The year of the targets", "Năm của các chỉ tiêu"),
    (
        "Where the spread comes from (ignored with --sd)",
        "Nguồn của độ lệch chuẩn (bỏ qua khi có --sd)",
    ),
    (
        "Vietnam's record: one-year changes of national GDP growth (built-in history)",
        "Số liệu cả nước: mức thay đổi của tốc độ tăng GDP cả nước từ năm này sang năm sau (chuỗi số liệu có sẵn)",
    ),
    (
        "Cần Thơ's record of last year's growth as a forecast (the backtest's `recent` view)",
        "Số liệu của Cần Thơ: sai số khi lấy tốc độ tăng năm trước làm dự báo cho năm sau (kịch bản `recent` của kiểm định ngược)",
    ),
    (
        "The spread of one year's growth, percentage points, stated",
        "Độ lệch chuẩn của tăng trưởng một năm, tính bằng điểm phần trăm, do người dùng nêu",
    ),
    ("Draws per region", "Số lần mô phỏng cho mỗi địa phương"),
    (
        "Seed of the random numbers (the same draws for every region)",
        "Số khởi tạo ngẫu nhiên (seed); mọi địa phương dùng cùng một bộ số ngẫu nhiên",
    ),
    (
        "History with the national series (the spread, and last year's growth where a region has none); the built-in one if omitted",
        "Tệp chuỗi số liệu có chuỗi của cả nước (cho độ lệch chuẩn, và cho tốc độ tăng năm trước khi địa phương không có); nếu không nêu, dùng tệp có sẵn",
    ),
    (
        "Also draw the chart of every region to this PNG file",
        "Vẽ thêm biểu đồ của mọi địa phương ra tệp PNG này",
    ),
    (
        "Language of the table and chart",
        "Ngôn ngữ của bảng và biểu đồ",
    ),
    // grdp combine
    (
        "The provinces' scenario files (TOML), two or more",
        "Các tệp kịch bản (TOML) của các tỉnh, từ hai tệp trở lên",
    ),
    // grdp scenarios
    (
        "The built-in scenario to print (TOML, every figure with its source); without it, the list",
        "Kịch bản có sẵn cần in ra (TOML, mỗi số liệu kèm nguồn); nếu không nêu, in danh sách",
    ),
    (
        "Write to FILE instead of standard output (whole or not at all)",
        "Ghi ra TỆP thay vì đầu ra chuẩn (ghi trọn vẹn hoặc không ghi gì)",
    ),
    (
        "Replace FILE if it exists (it may be a scenario you have edited)",
        "Ghi đè TỆP nếu đã có (đó có thể là kịch bản bạn đã sửa)",
    ),
    (
        "Language of the list and the messages (the scenario printed is the same in either)",
        "Ngôn ngữ của danh sách và thông báo (kịch bản in ra giống nhau ở cả hai ngôn ngữ)",
    ),
];

/// The value names (`<FILE>`), in Vietnamese. They show in the help's
/// usage lines and option lists, and in the errors of clap's own checks
/// (`--view <KỊCH_BẢN> cần một giá trị`); grdp's own messages write them
/// the same way (`-o TỆP`, `--known KỲ=PCT`). What is typed stays as it
/// is (`N`, `Q1,Q2,Q3,Q4`), and so do the units `PCT` (percent) and `PP`
/// (percentage points), as the Vietnamese messages already write them;
/// each option's help says the unit in words.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("SCENARIO", "TỆP_KỊCH_BẢN"),
    ("HISTORY", "TỆP_CHUỖI_SỐ_LIỆU"),
    ("TABLE", "BẢNG"),
    ("NAME", "TÊN"),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("LANG", "NGÔN_NGỮ"),
    ("FILE", "TỆP"),
    ("FILE.png", "TỆP.png"),
    ("DIR", "THƯ_MỤC"),
    ("N", "N"),
    ("SEED", "SỐ_KHỞI_TẠO"),
    ("THREADS", "SỐ_LUỒNG"),
    ("HALF_WIDTH", "NỬA_ĐỘ_RỘNG"),
    ("PCT", "PCT"),
    ("PP", "PP"),
    ("YEAR", "NĂM"),
    ("FROM", "NĂM"),
    ("TO", "NĂM"),
    ("EXCLUDE", "NĂM"),
    ("FIRST-LAST", "NĂM_ĐẦU-NĂM_CUỐI"),
    ("PERIOD", "KỲ"),
    ("PART=PCT", "KỲ=PCT"),
    ("Q1,Q2,Q3,Q4", "Q1,Q2,Q3,Q4"),
    ("VIEW", "KỊCH_BẢN"),
    ("ID", "MÃ"),
    ("REGION", "ĐỊA_PHƯƠNG"),
    ("COMPONENTS", "THÀNH_PHẦN"),
    ("OPTIMISM_BIAS", "XU_HƯỚNG_LẠC_QUAN"),
    ("RECORD_VINTAGE", "SỐ_ƯỚC_TÍNH"),
    ("SD_FROM", "NGUỒN"),
    ("RATIO", "TỶ_SỐ"),
    ("TEXT", "TÊN_CƠ_QUAN"),
    ("SCALE", "HỆ_SỐ"),
];

/// The Vietnamese of an English text of the help, if [`TEXTS`] has it.
fn lookup(english: &str) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, vi)| *vi)
}

/// The Vietnamese of an English text of the help; the English itself where
/// there is none (the tests make sure there always is).
fn vi(english: &str) -> String {
    lookup(english).unwrap_or(english).to_string()
}

/// The Vietnamese of a value name; the English one where there is none
/// (the tests make sure there always is).
fn value_name_vi(english: &Str) -> Str {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == english.as_str())
        .map_or_else(|| english.clone(), |(_, vi)| Str::from(*vi))
}

/// Parses the command line with the Vietnamese command: the same
/// [`Cli`] as [`clap::Parser::try_parse`], and its help, its usage errors
/// (through [`crate::errors::clap_vi`]) and its exit codes as for English.
/// `grdp --lang vi` alone gives the help on standard error, as `grdp`
/// alone does; `--lang` before a command is refused, as in English.
pub fn try_parse() -> Result<Cli, clap::Error> {
    let mut cmd = command();
    let args = without_lang_after_help(std::env::args_os().collect());
    let mut matches = match cmd.try_get_matches_from_mut(args) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::MissingSubcommand => {
            // The error clap gives a bare `grdp`: the help, on standard error.
            let bin = std::env::args_os().next().unwrap_or_else(|| "grdp".into());
            return Err(cmd.try_get_matches_from_mut([bin]).err().unwrap_or(e));
        }
        Err(e) => return Err(e),
    };
    if matches.value_source(TOP_LANG) == Some(ValueSource::CommandLine) {
        let mut e = clap::Error::new(ErrorKind::UnknownArgument).with_cmd(&cmd);
        e.insert(
            ContextKind::InvalidArg,
            ContextValue::String("--lang".into()),
        );
        return Err(e);
    }
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
}

/// The command line `args` (the program first) without its `--lang`
/// where the command is `help` (`grdp help simulate --lang vi`): clap's
/// `help` takes every word after it for the name of a command.
fn without_lang_after_help(args: Vec<OsString>) -> Vec<OsString> {
    let is_lang =
        |a: &OsString| a == "--lang" || a.to_str().is_some_and(|a| a.starts_with("--lang="));
    let mut first = 1;
    while let Some(a) = args.get(first).filter(|a| is_lang(a)) {
        first += if a == "--lang" { 2 } else { 1 };
    }
    if args.get(first).is_none_or(|a| a != "help") {
        return args;
    }
    let mut kept = Vec::with_capacity(args.len());
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--lang" {
            args.next();
        } else if !is_lang(&a) {
            kept.push(a);
        }
    }
    kept
}

/// The command line of [`Cli`], its help in Vietnamese (built: ready to
/// parse or to render).
pub fn command() -> Command {
    let mut cmd = translate(Cli::command(), false).arg(
        // `grdp --lang vi --help`: the language given before any command,
        // which clap would otherwise refuse before showing the help.
        Arg::new(TOP_LANG)
            .long("lang")
            .hide(true)
            .action(ArgAction::Append)
            .value_parser(["vi", "en"]),
    );
    cmd.build();
    finish(&mut cmd, false);
    cmd
}

/// `cmd` and its subcommands with their texts, value names and headings in
/// Vietnamese, clap's help and version flags replaced by the same in
/// Vietnamese, and a help template with a Vietnamese usage heading.
fn translate(cmd: Command, inherited: bool) -> Command {
    let texts = [
        cmd.get_about().map(|t| vi(&t.to_string())),
        cmd.get_long_about().map(|t| vi(&t.to_string())),
        cmd.get_before_help().map(|t| vi(&t.to_string())),
        cmd.get_before_long_help().map(|t| vi(&t.to_string())),
        cmd.get_after_help().map(|t| vi(&t.to_string())),
        cmd.get_after_long_help().map(|t| vi(&t.to_string())),
    ];
    let styles = cmd.get_styles().clone();
    let [about, long_about, before, before_long, after, after_long] = texts;
    let mut cmd = cmd;
    if let Some(t) = about {
        cmd = cmd.about(t);
    }
    if let Some(t) = long_about {
        cmd = cmd.long_about(t);
    }
    if let Some(t) = before {
        cmd = cmd.before_help(t);
    }
    if let Some(t) = before_long {
        cmd = cmd.before_long_help(t);
    }
    if let Some(t) = after {
        cmd = cmd.after_help(t);
    }
    if let Some(t) = after_long {
        cmd = cmd.after_long_help(t);
    }
    let mut cmd = cmd
        .mut_args(|a| translate_arg(a, &styles))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(HELP_SHORT)
                .long_help(HELP_LONG)
                .help_heading(OPTIONS),
        )
        .help_template(template(&styles, true))
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name(COMMAND);
    // A command has a version of its own, or its parent's when the parent
    // passes it on (`propagate_version`, as grdp's does: clap copies it
    // down when it builds the command).
    let versioned = inherited || cmd.get_version().is_some();
    let passed_on = versioned && cmd.is_propagate_version_set();
    cmd = cmd.mut_subcommands(|sub| translate(sub, passed_on));
    if versioned {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(VERSION)
                .help_heading(OPTIONS),
        );
    }
    cmd
}

/// An argument's help in Vietnamese, under a Vietnamese heading, with its
/// value names in Vietnamese. clap writes `[default: …]` and the possible
/// values in English whatever the help says: they are hidden, and written
/// into the help here from the argument itself, so they cannot drift.
fn translate_arg(a: Arg, styles: &Styles) -> Arg {
    let heading: Option<&'static str> = match a.get_help_heading() {
        Some(h) => lookup(h),
        None if a.is_positional() => Some(ARGUMENTS),
        None => Some(OPTIONS),
    };
    let takes_values = a.get_action().takes_values();
    let names: Option<Vec<Str>> = a
        .get_value_names()
        .filter(|_| takes_values)
        .map(|names| names.iter().map(value_name_vi).collect());
    let help = a.get_help().map(|h| vi(&h.to_string()));
    let long = a.get_long_help().map(|h| vi(&h.to_string()));
    let (defaults, values) = if takes_values {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        let values: Vec<(String, Option<String>)> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| {
                (
                    v.get_name().to_string(),
                    v.get_help().map(|h| vi(&h.to_string())),
                )
            })
            .collect();
        (defaults, values)
    } else {
        (Vec::new(), Vec::new())
    };
    let (ctx, ctx_value, literal) = (
        styles.get_context(),
        styles.get_context_value(),
        styles.get_literal(),
    );
    let bracket = |label: &str, text: &str| {
        format!("{ctx}[{label}: {ctx:#}{ctx_value}{text}{ctx_value:#}{ctx}]{ctx:#}")
    };
    let default = (!defaults.is_empty()).then(|| bracket(DEFAULT, &defaults.join(" ")));
    let names_only = (!values.is_empty()).then(|| {
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        bracket(ONE_OF, &names.join(", "))
    });
    // The short help: the values on one line, as clap writes them.
    let mut short = help.clone().or_else(|| long.clone()).unwrap_or_default();
    for spec in [&default, &names_only].into_iter().flatten() {
        if !short.is_empty() {
            short.push(' ');
        }
        short.push_str(spec);
    }
    // The long help: each value on a line of its own with what it does,
    // where the values say; the default after them.
    let mut long_help = long.or(help).unwrap_or_default();
    let mut blocks = Vec::new();
    if values.iter().any(|(_, h)| h.is_some()) {
        let width = values
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        let mut list = VALUES.to_string();
        for (name, help) in &values {
            list.push_str(&format!("\n- {literal}{name}{literal:#}"));
            if let Some(help) = help {
                let pad = width - name.chars().count();
                list.push_str(&format!(": {:pad$}{help}", ""));
            }
        }
        blocks.push(list);
    } else if let Some(names) = &names_only {
        blocks.push(names.clone());
    }
    blocks.extend(default);
    for block in blocks {
        if !long_help.is_empty() {
            long_help.push_str("\n\n");
        }
        long_help.push_str(&block);
    }
    let a = match heading {
        Some(heading) => a.help_heading(heading),
        None => a,
    };
    let a = if takes_values {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    };
    let a = a.help(short).long_help(long_help);
    match names {
        Some(names) => a.value_names(names),
        None => a,
    }
}

/// clap's default help template with the usage heading in Vietnamese;
/// `with_args` false for a command with no arguments or subcommands.
fn template(styles: &Styles, with_args: bool) -> String {
    let usage = styles.get_usage();
    let heading = format!("{usage}{USAGE}{usage:#}");
    if with_args {
        format!(
            "{{before-help}}{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}"
        )
    } else {
        format!("{{before-help}}{{about-with-newline}}\n{heading} {{usage}}{{after-help}}")
    }
}

/// What can only be done once clap has built the command: each usage line
/// with `[TÙY_CHỌN]` for clap's `[OPTIONS]`, and the `help` command clap
/// adds (with copies of the commands under it, for completions) in
/// Vietnamese. `added` says whether `cmd` is, or is under, that `help`.
fn finish(cmd: &mut Command, added: bool) {
    let styles = cmd.get_styles().clone();
    let added = added || cmd.get_name() == "help";
    if added {
        let with_args = cmd.get_arguments().any(|a| !a.is_hide_set())
            || cmd.get_subcommands().any(|s| !s.is_hide_set());
        let mut done = std::mem::take(cmd)
            .help_template(template(&styles, with_args))
            .subcommand_help_heading(COMMANDS)
            .subcommand_value_name(COMMAND)
            .mut_args(|a| {
                // clap's "Print help for the subcommand(s)", where `help`
                // takes the commands as values rather than as subcommands.
                if a.get_id() == "subcommand" {
                    a.help("Lệnh cần xem hướng dẫn")
                        .value_name(COMMAND)
                        .help_heading(ARGUMENTS)
                } else {
                    a
                }
            });
        if done.get_name() == "help" {
            done = done.about(HELP_COMMAND);
        }
        *cmd = done;
    }
    let usage_heading = styles.get_usage();
    let usage = cmd.render_usage().ansi().to_string();
    let english = format!("{usage_heading}Usage:{usage_heading:#} ");
    let usage = usage
        .strip_prefix(&english)
        .or_else(|| usage.strip_prefix("Usage: "))
        .unwrap_or(&usage)
        .replace("[OPTIONS]", OPTIONS_TAG);
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        finish(sub, added);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::{Command, CommandFactory, FromArgMatches, Parser};

    use std::ffi::OsString;

    use super::{TEXTS, VALUE_NAMES, command, without_lang_after_help};
    use crate::args::Cli;

    /// What the English help of `cmd` and its visible subcommands says, as
    /// `(where, text)`, and the value names it shows.
    fn english(cmd: &Command, path: &str, texts: &mut Found, names: &mut Found) {
        let mut add = |what: &str, text: Option<String>| {
            if let Some(text) = text {
                texts.push((format!("{path}: {what}"), text));
            }
        };
        add("about", cmd.get_about().map(ToString::to_string));
        add("long about", cmd.get_long_about().map(ToString::to_string));
        add(
            "before help",
            cmd.get_before_help().map(ToString::to_string),
        );
        add(
            "before long help",
            cmd.get_before_long_help().map(ToString::to_string),
        );
        add("after help", cmd.get_after_help().map(ToString::to_string));
        add(
            "after long help",
            cmd.get_after_long_help().map(ToString::to_string),
        );
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = a.get_id();
            add(&format!("{id} help"), a.get_help().map(ToString::to_string));
            add(
                &format!("{id} long help"),
                a.get_long_help().map(ToString::to_string),
            );
            add(
                &format!("{id} heading"),
                a.get_help_heading().map(ToString::to_string),
            );
            if !a.get_action().takes_values() {
                continue;
            }
            for v in a.get_possible_values().iter().filter(|v| !v.is_hide_set()) {
                add(
                    &format!("{id}={}", v.get_name()),
                    v.get_help().map(ToString::to_string),
                );
            }
            for n in a.get_value_names().unwrap_or_default() {
                names.push((format!("{path}: {id}"), n.to_string()));
            }
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            english(sub, &format!("{path} {}", sub.get_name()), texts, names);
        }
    }

    /// Things found in the help, each with where: `(where, what)`.
    type Found = Vec<(String, String)>;

    /// The texts and the value names of the whole English help.
    fn all_english() -> (Found, Found) {
        let (mut texts, mut names) = (Vec::new(), Vec::new());
        english(&Cli::command(), "grdp", &mut texts, &mut names);
        (texts, names)
    }

    /// Every command, option and value, and each value name, that the
    /// English help shows has its Vietnamese: an option added without it
    /// fails here, as does an English text changed without its
    /// translation.
    #[test]
    fn every_english_text_of_the_help_has_its_vietnamese() {
        let (texts, names) = all_english();
        assert!(texts.len() > 100, "{} texts", texts.len());
        let missing: Vec<String> = texts
            .iter()
            .filter(|(_, en)| !TEXTS.iter().any(|(k, _)| k == en))
            .map(|(at, en)| format!("{at}: {en:?}"))
            .chain(
                names
                    .iter()
                    .filter(|(_, n)| !VALUE_NAMES.iter().any(|(k, _)| k == n))
                    .map(|(at, n)| format!("{at}: value name {n:?}")),
            )
            .collect();
        assert!(
            missing.is_empty(),
            "no Vietnamese in help_vi.rs (TEXTS or VALUE_NAMES) for:\n{}",
            missing.join("\n")
        );
    }

    /// No Vietnamese text stays behind an English one that is gone.
    #[test]
    fn no_vietnamese_text_is_left_without_its_english() {
        let (texts, names) = all_english();
        let texts: BTreeSet<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
        let names: BTreeSet<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
        let orphans: Vec<&str> = TEXTS
            .iter()
            .map(|(en, _)| *en)
            .filter(|en| !texts.contains(en))
            .chain(
                VALUE_NAMES
                    .iter()
                    .map(|(en, _)| *en)
                    .filter(|en| !names.contains(en)),
            )
            .collect();
        assert!(
            orphans.is_empty(),
            "Vietnamese for English the help no longer has:\n{}",
            orphans.join("\n")
        );
        for table in [TEXTS, VALUE_NAMES] {
            let keys: BTreeSet<&str> = table.iter().map(|(en, _)| *en).collect();
            assert_eq!(keys.len(), table.len(), "an English text listed twice");
        }
    }

    /// Every help the Vietnamese command can show, short and long, with
    /// none of clap's English frame.
    #[test]
    fn the_vietnamese_help_has_no_english_frame() {
        fn check(cmd: &mut Command, path: &str) {
            for (kind, help) in [
                ("-h", cmd.render_help().to_string()),
                ("--help", cmd.render_long_help().to_string()),
            ] {
                for english in [
                    "Usage",
                    "Options:",
                    "Arguments:",
                    "Commands:",
                    "ossible values",
                    "[default:",
                    "[env:",
                    "[alias",
                    "[OPTIONS]",
                    "<COMMAND>",
                    "Print help",
                    "Print version",
                    "Print this message",
                    "Examples:",
                ] {
                    assert!(
                        !help.contains(english),
                        "{path} {kind}: `{english}` in\n{help}"
                    );
                }
                assert!(help.contains("Cách dùng: "), "{path} {kind}:\n{help}");
            }
            for sub in cmd.get_subcommands_mut() {
                let path = format!("{path} {}", sub.get_name());
                check(sub, &path);
            }
        }
        check(&mut command(), "grdp");
    }

    /// The defaults the Vietnamese help states are the options' own.
    #[test]
    fn the_vietnamese_help_states_each_default_of_the_options() {
        let mut vi = command();
        for en in Cli::command().get_subcommands() {
            let help = vi
                .find_subcommand_mut(en.get_name())
                .expect("the same commands")
                .render_long_help()
                .to_string();
            for a in en.get_arguments().filter(|a| a.get_action().takes_values()) {
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|d| d.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() {
                    let stated = format!("[mặc định: {}]", defaults.join(" "));
                    assert!(
                        help.contains(&stated),
                        "{} --{:?}: no {stated}",
                        en.get_name(),
                        a.get_long()
                    );
                }
            }
        }
    }

    /// `grdp help simulate --lang vi` asks for `simulate`'s help in
    /// Vietnamese, not for that of a command called `--lang`; any other
    /// command keeps its `--lang`.
    #[test]
    fn help_drops_the_language_from_the_commands_it_names() {
        let line = |words: &[&str]| -> Vec<OsString> { words.iter().map(OsString::from).collect() };
        for (given, kept) in [
            (
                &["grdp", "help", "simulate", "--lang", "vi"][..],
                &["grdp", "help", "simulate"][..],
            ),
            (
                &["grdp", "--lang=vi", "help", "--lang", "vi", "report"],
                &["grdp", "help", "report"],
            ),
            (&["grdp", "--lang", "vi", "help"], &["grdp", "help"]),
            (
                &["grdp", "simulate", "help", "--lang", "vi"],
                &["grdp", "simulate", "help", "--lang", "vi"],
            ),
            (
                &["grdp", "--lang", "vi", "audit"],
                &["grdp", "--lang", "vi", "audit"],
            ),
            (&["grdp", "--lang"], &["grdp", "--lang"]),
        ] {
            assert_eq!(
                without_lang_after_help(line(given)),
                line(kept),
                "{given:?}"
            );
        }
    }

    /// The Vietnamese command line reads every argument as the English one.
    #[test]
    fn the_vietnamese_command_line_reads_as_the_english_one() {
        for line in [
            &["grdp", "project", "--lang", "vi"][..],
            &[
                "grdp", "audit", "x.toml", "--format", "json", "-o", "a.json",
            ],
            &[
                "grdp",
                "solve",
                "--target",
                "9.5",
                "--component",
                "services",
            ],
            &[
                "grdp",
                "solve",
                "--remaining",
                "9M=7.39",
                "--quarter-shares",
                "24,25,25,26",
                "--then",
                "8",
            ],
            &["grdp", "solve", "--period", "2021-2025", "--average", "7.5"],
            &[
                "grdp",
                "simulate",
                "-n",
                "1e5",
                "--seed",
                "7",
                "--view",
                "plan,recent",
                "--optimism-bias",
                "history",
                "--record-vintage",
                "first-estimate",
                "--known",
                "H1=7.4",
                "--rest-spread",
                "2",
                "--precision",
                "0.005",
                "-q",
            ],
            &[
                "grdp",
                "report",
                "--scenarios",
                "200",
                "--scale",
                "2",
                "--issuer",
                "Sở Tài chính",
                "--force",
            ],
            &[
                "grdp",
                "calibrate",
                "h.csv",
                "--region",
                "vietnam",
                "--exclude",
                "2020,2021",
                "--scale-to",
                "can_tho",
            ],
            &[
                "grdp",
                "derive",
                "--region",
                "can_tho",
                "--period",
                "2025-9M",
                "--rest",
                "product_taxes",
            ],
            &["grdp", "combine", "a.toml", "b.toml", "--format", "json"],
            &[
                "grdp",
                "scenarios",
                "cantho-2026",
                "-o",
                "x.toml",
                "--force",
            ],
            &[
                "grdp",
                "backtest",
                "--sd",
                "1.5",
                "--record-vintage",
                "latest",
            ],
            &[
                "grdp",
                "batch",
                "--year",
                "2026",
                "--sd-from",
                "cantho",
                "--chart",
                "c.png",
            ],
        ] {
            let english = Cli::try_parse_from(line).expect("a valid line");
            let matches = command().try_get_matches_from(line).expect("a valid line");
            let vietnamese = Cli::from_arg_matches(&matches).expect("the same arguments");
            assert_eq!(
                format!("{english:?}"),
                format!("{vietnamese:?}"),
                "{line:?}"
            );
        }
    }
}
