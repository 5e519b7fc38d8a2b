//! `--help` and `-h` under `--lang vi`: Vietnamese throughout, before or
//! after the command, `--lang` before or after `--help`; and the English
//! help as it was.

use crate::util::{code, grdp, stderr, stdout};

/// The commands, as `grdp --help` lists them.
const COMMANDS: [&str; 11] = [
    "project",
    "audit",
    "solve",
    "calibrate",
    "simulate",
    "report",
    "scenarios",
    "derive",
    "combine",
    "backtest",
    "batch",
];

/// clap's English frame, which no Vietnamese help may show.
const ENGLISH_FRAME: [&str; 12] = [
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Possible values",
    "possible values",
    "[default:",
    "[OPTIONS]",
    "Print help",
    "Print version",
    "Print this message",
    "Examples:",
];

/// The help `args` print: exit code 0, nothing on standard error, and
/// none of clap's English frame.
fn vietnamese_help(args: &[&str]) -> String {
    let o = grdp(args);
    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    let text = stdout(&o);
    for english in ENGLISH_FRAME {
        assert!(!text.contains(english), "{args:?}: `{english}` in\n{text}");
    }
    text
}

#[test]
fn the_top_level_help_is_vietnamese_under_lang_vi() {
    let long = vietnamese_help(&["--lang", "vi", "--help"]);
    for words in [
        "Dự báo kinh tế của một tỉnh, thành phố (GRDP) theo khu vực",
        "kịch bản có sẵn Cần Thơ 2025",
        "Cách dùng: grdp <LỆNH>",
        "Lệnh:\n  project    Dự báo GRDP: tăng trưởng",
        "  simulate   Khả năng đạt chỉ tiêu tăng trưởng là bao nhiêu?",
        "  help       Hiện hướng dẫn này",
        "Tùy chọn:\n  -h, --help\n          Hiện hướng dẫn (xem bản tóm tắt bằng '-h')",
        "  -V, --version\n          Hiện số phiên bản",
        "Ví dụ:\n  grdp audit --lang vi",
        "Mã thoát: 0 thành công",
    ] {
        assert!(long.contains(words), "no `{words}` in\n{long}");
    }
    // `--lang` after `--help`, and `--lang=vi`: the same help.
    assert_eq!(vietnamese_help(&["--help", "--lang", "vi"]), long);
    assert_eq!(vietnamese_help(&["--lang=vi", "--help"]), long);
    let short = vietnamese_help(&["--lang", "vi", "-h"]);
    assert!(
        short.contains("  -h, --help     Hiện hướng dẫn (xem đầy đủ bằng '--help')"),
        "{short}"
    );
    assert!(!short.contains("Khi không nêu TỆP_KỊCH_BẢN"), "{short}");
}

#[test]
fn simulate_help_is_vietnamese_with_lang_before_or_after_help() {
    let help = vietnamese_help(&["simulate", "--lang", "vi", "--help"]);
    for words in [
        "Cách dùng: grdp simulate [TÙY_CHỌN] [TỆP_KỊCH_BẢN]",
        "Tham số:\n  [TỆP_KỊCH_BẢN]\n          Tệp kịch bản (TOML)",
        "  -n, --draws <N>\n          Số lần mô phỏng",
        "[mặc định: 1000000]",
        "      --seed <SỐ_KHỞI_TẠO>\n          Số khởi tạo ngẫu nhiên (seed)",
        "[mặc định: 42]",
        "      --threads <SỐ_LUỒNG>",
        "      --target <PCT>\n          Chỉ tiêu tăng trưởng GRDP, tính bằng %",
        "      --view <KỊCH_BẢN>",
        "lũy kế từ đầu năm so với cùng kỳ năm trước",
        "Một trong các giá trị:\n          - table: Bảng căn thẳng cột",
        "          - xlsx:  Tệp Excel (cần `-o TỆP.xlsx`)",
        "          - first-estimate: Số ước tính đầu tiên",
        "[mặc định: latest]",
        "Ví dụ:\n  grdp simulate --lang vi",
    ] {
        assert!(help.contains(words), "no `{words}` in\n{help}");
    }
    // `--lang vi` after `--help`, before the command, or through `help`:
    // the same page.
    assert_eq!(
        vietnamese_help(&["simulate", "--help", "--lang", "vi"]),
        help
    );
    assert_eq!(
        vietnamese_help(&["--lang", "vi", "simulate", "--help"]),
        help
    );
    assert_eq!(vietnamese_help(&["--lang", "vi", "help", "simulate"]), help);
    assert_eq!(vietnamese_help(&["help", "simulate", "--lang", "vi"]), help);
}

#[test]
fn report_short_help_is_vietnamese() {
    let help = vietnamese_help(&["report", "-h", "--lang", "vi"]);
    for words in [
        "Cách dùng: grdp report [TÙY_CHỌN] [TỆP_KỊCH_BẢN]",
        "Thư mục báo cáo [mặc định: grdp-report]",
        "Ngôn ngữ của mọi nhãn và câu chữ trong báo cáo [mặc định: en] [một trong: en, vi]",
        "[mặc định: latest] [một trong: latest, first-estimate]",
        "      --issuer <TÊN_CƠ_QUAN>",
        "      --scale <HỆ_SỐ>",
        "1 cho cỡ 1200 × 750, 2 để in [mặc định: 1]",
        "Không hiện thanh tiến độ",
        "  -h, --help\n          Hiện hướng dẫn (xem đầy đủ bằng '--help')",
        "Thư mục báo cáo được thay trọn một lần",
    ] {
        assert!(help.contains(words), "no `{words}` in\n{help}");
    }
    // The short help lists the values; the long one says what each does.
    assert!(!help.contains("Một trong các giá trị"), "{help}");
}

#[test]
fn every_command_has_vietnamese_help_long_and_short() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let help = vietnamese_help(&[command, "--lang", "vi", flag]);
            let usage = format!("Cách dùng: grdp {command} ");
            assert!(help.contains(&usage), "{command} {flag}:\n{help}");
            assert!(help.contains("Tùy chọn:"), "{command} {flag}:\n{help}");
            assert!(
                help.contains("Ví dụ:\n  grdp "),
                "{command} {flag}:\n{help}"
            );
            assert!(help.contains("Hiện hướng dẫn"), "{command} {flag}:\n{help}");
        }
    }
}

#[test]
fn english_help_is_as_it_was() {
    let top = stdout(&grdp(&["--help"]));
    for line in [
        "Usage: grdp <COMMAND>\n",
        "\nCommands:\n  project    Project GRDP: growth, contributions, structure, per capita, productivity; targets met or missed\n",
        "  help       Print this message or the help of the given subcommand(s)\n",
        "\nOptions:\n  -h, --help\n          Print help (see a summary with '-h')\n\n  -V, --version\n          Print version\n",
        "\nExamples:\n  grdp audit\n",
    ] {
        assert!(top.contains(line), "no {line:?} in\n{top}");
    }
    let simulate = stdout(&grdp(&["simulate", "--help"]));
    for line in [
        "Usage: grdp simulate [OPTIONS] [SCENARIO]\n",
        "\nArguments:\n  [SCENARIO]\n          Scenario file (TOML); the built-in Cần Thơ 2025 scenario if omitted\n",
        "      --format <FORMAT>\n          Output format\n\n          Possible values:\n          - table: Aligned tables, units in the headers\n",
        "  -n, --draws <N>\n          Draws: simulated paths of the economy (the most, with --precision). `--scenarios` is the older name\n          \n          [default: 1000000]\n",
    ] {
        assert!(simulate.contains(line), "no {line:?} in\n{simulate}");
    }
    // `--lang en` leaves it English, on either side of `--help`.
    assert_eq!(
        stdout(&grdp(&["simulate", "--help", "--lang", "en"])),
        simulate
    );
    assert_eq!(
        stdout(&grdp(&["simulate", "--lang", "en", "--help"])),
        simulate
    );
    let report = stdout(&grdp(&["report", "-h"]));
    for line in [
        "Usage: grdp report [OPTIONS] [SCENARIO]\n",
        "      --lang <LANG>\n          Language of every label and sentence [default: en] [possible values: en, vi]\n",
        "  -h, --help\n          Print help (see more with '--help')\n",
    ] {
        assert!(report.contains(line), "no {line:?} in\n{report}");
    }
}

#[test]
fn version_and_a_bare_grdp_under_lang_vi() {
    let english = grdp(&["--version"]);
    for args in [
        &["--lang", "vi", "--version"][..],
        &["--version", "--lang", "vi"],
        &["--lang", "vi", "-V"],
    ] {
        let o = grdp(args);
        assert_eq!(code(&o), 0, "{args:?}");
        assert_eq!(stdout(&o), stdout(&english), "{args:?}");
    }
    // `grdp --lang vi` alone: as `grdp` alone, the help on standard error
    // and exit code 2, in Vietnamese.
    let o = grdp(&["--lang", "vi"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains("Cách dùng: grdp <LỆNH>"), "{e}");
    assert!(!e.contains("Usage"), "{e}");
    // Before a command, `--lang` is still refused, as in English.
    let o = grdp(&["--lang", "vi", "audit"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("--lang đặt sau tên lệnh"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_name_values_as_the_vietnamese_help_does() {
    let help = vietnamese_help(&["simulate", "--lang", "vi", "--help"]);
    assert!(help.contains("--view <KỊCH_BẢN>"), "{help}");
    let o = grdp(&["simulate", "--lang", "vi", "--view"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("lỗi: --view <KỊCH_BẢN> cần một giá trị"),
        "{}",
        stderr(&o)
    );
    // clap's `2 values required`, which had no Vietnamese.
    let o = grdp(&["combine", "--lang", "vi", "a.toml"]);
    assert_eq!(code(&o), 2);
    let e = stderr(&o);
    assert!(
        e.contains("lỗi: <TỆP_KỊCH_BẢN> <TỆP_KỊCH_BẢN>... cần ít nhất 2 giá trị; nhận 1"),
        "{e}"
    );
    assert!(!e.contains("Usage"), "{e}");
}
