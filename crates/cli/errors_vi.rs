//! The errors of writing output and of running (a simulation, a study, a
//! report folder) in Vietnamese, for `--lang vi`. The libraries speak
//! English; their errors are matched here by variant and fields. Where a
//! library carries only a free-text English message, its known shapes are
//! recognised by their fixed words; a shape not recognised gives `None`, and
//! the message stays English whole rather than half translated.

use grdp_montecarlo::{McError, RunSetting};
use grdp_report::{Leftover, ReportError};
use grdp_study::{ModelError, StudyError};

/// `e` in Vietnamese, where it is an error of writing or of running this
/// module knows; `None` otherwise.
pub fn in_vietnamese(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    if let Some(r) = e.downcast_ref::<ReportError>() {
        return report(r);
    }
    if let Some(m) = e.downcast_ref::<McError>() {
        return engine(m);
    }
    if let Some(s) = e.downcast_ref::<StudyError>() {
        return study(s);
    }
    if let Some(m) = e.downcast_ref::<ModelError>() {
        return model(m);
    }
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        return io_error(io);
    }
    None
}

/// A number as Vietnamese running text writes it: decimal comma, dot
/// thousands, no trailing zeros (4,3; 100.000.000.000).
pub fn vn(x: f64) -> String {
    // A whole number is written out to 10²⁰ (a count of draws typed
    // 1e15); other numbers from 10¹⁵ as the report writes them (1,00e300).
    let whole = x.fract() == 0.0 && x.abs() < 1e21;
    if !x.is_finite() || (x.abs() >= 1e15 && !whole) {
        return grdp_report::Lang::Vi.num(x, 0);
    }
    if x == 0.0 {
        return "0".into();
    }
    grdp_scenario::vi_text_number(&format!("{x}"))
}

/// A number as the library wrote it (`4.3`, `-99.00`, `1e308`), in
/// Vietnamese; the text as it is where it is no number.
fn vn_text(s: &str) -> String {
    s.trim().parse::<f64>().map_or_else(|_| s.to_string(), vn)
}

/// The parts of `s` between the fixed pieces of `pattern`: `s` must begin
/// with `pattern[0]`, and each later piece must follow (the first place it
/// occurs); an empty last piece takes the rest of `s`, any other must end it.
fn parse<'a>(s: &'a str, pattern: &[&str]) -> Option<Vec<&'a str>> {
    let (first, rest_pattern) = pattern.split_first()?;
    let mut rest = s.strip_prefix(first)?;
    let mut parts = Vec::new();
    for (i, piece) in rest_pattern.iter().enumerate() {
        let last = i + 1 == rest_pattern.len();
        if last {
            if piece.is_empty() {
                parts.push(rest);
                return Some(parts);
            }
            parts.push(rest.strip_suffix(piece)?);
            return Some(parts);
        }
        let at = rest.find(piece)?;
        parts.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    (rest.is_empty()).then_some(parts)
}

fn report(e: &ReportError) -> Option<String> {
    Some(match e {
        ReportError::NoSimulation => {
            "chưa có kết quả mô phỏng; báo cáo cần kết quả mô phỏng".into()
        }
        ReportError::Draw(_) => "không vẽ được biểu đồ".into(),
        ReportError::Font => {
            "không đọc được phông chữ có sẵn trong chương trình (lỗi của chương trình)".into()
        }
        ReportError::Png(_) => "không mã hóa được biểu đồ thành ảnh PNG".into(),
        ReportError::Json(_) => "không ghi được JSON".into(),
        ReportError::Csv(_) => "không ghi được CSV".into(),
        ReportError::NoParent { path, parent } => format!(
            "không ghi được {}: thư mục {} không tồn tại",
            path.display(),
            parent.display()
        ),
        ReportError::DanglingLink { path, to } => format!(
            "không ghi được {}: đây là liên kết tới {}, nơi không tồn tại",
            path.display(),
            to.display()
        ),
        ReportError::ParentIsAFile { path, parent } => format!(
            "không ghi được {}: {} là một tệp, không phải thư mục",
            path.display(),
            parent.display()
        ),
        ReportError::IsAFile { path } => format!(
            "{} là một tệp; cần tên một thư mục cho báo cáo (hoặc xóa tệp đó đi)",
            path.display()
        ),
        ReportError::IsAStream { path } => format!(
            "{} là thiết bị, đường ống (pipe), socket hoặc đầu ra chuẩn, không phải thư mục: báo cáo là một thư mục gồm nhiều tệp; hãy đặt tên thư mục cho báo cáo bằng -o",
            path.display()
        ),
        ReportError::NotAReport { path } => format!(
            "{} đã có và chứa tệp, nhưng không phải thư mục của một báo cáo grdp trước đây; hãy chọn thư mục khác (các tệp trong đó được giữ nguyên, nhưng báo cáo không ghi vào thư mục của người khác khi chưa được yêu cầu)",
            path.display()
        ),
        ReportError::WouldReplaceForeign { path, file } => format!(
            "{} có tệp {file}, không do báo cáo grdp nào ghi, và báo cáo sẽ ghi đè lên tệp đó; hãy đổi tên hoặc chuyển tệp đó đi trước",
            path.display()
        ),
        ReportError::IsAFolder { path } => format!(
            "không ghi được {}: đây là tên một thư mục; cần tên một tệp, ví dụ {}",
            path.display(),
            path.join("out.txt").display()
        ),
        ReportError::OutputIsInput { output, input } => format!(
            "không ghi vào {}: đây là tệp đầu vào {}, sẽ bị tệp kết quả ghi đè; hãy đặt tên khác cho tệp kết quả",
            output.display(),
            input.display()
        ),
        ReportError::BadFileName(name) => {
            format!("không nhận tên tệp `{name}` trong báo cáo")
        }
        ReportError::Leftover {
            target,
            leftover,
            kind,
            ..
        } => {
            let (what, advice) = match kind {
                Leftover::HalfBuilt => (
                    "một báo cáo mới còn dở dang do lần chạy bị ngắt",
                    "thư mục này chỉ chứa các tệp do báo cáo ghi: hãy xóa nó, rồi chạy lại",
                ),
                Leftover::SetAside => (
                    "báo cáo trước đây, được để riêng ra khi báo cáo mới thay chỗ",
                    "các tệp trong đó không do báo cáo nào ghi là tệp của bạn: hãy chuyển chúng vào thư mục báo cáo, rồi xóa thư mục này",
                ),
            };
            format!(
                "không dọn được {} ({what}) bên cạnh báo cáo {}; {advice}",
                leftover.display(),
                target.display()
            )
        }
        ReportError::Io { path, .. } => format!("không ghi được {}", path.display()),
        // The workbook's and the charts' own words are English free text.
        _ => return None,
    })
}

/// An operating system's refusal, where its kind is one a user meets
/// (the text of the others is the system's own, English). An error made
/// with a message of its own (a path before the system's words) is kept
/// whole: its message would be lost.
fn io_error(e: &std::io::Error) -> Option<String> {
    use std::io::ErrorKind;
    e.raw_os_error()?;
    Some(
        match e.kind() {
            ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục",
            ErrorKind::PermissionDenied => "không có quyền truy cập",
            ErrorKind::StorageFull => "ổ đĩa đã đầy",
            ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
            ErrorKind::AlreadyExists => "tệp đã có",
            _ => return None,
        }
        .into(),
    )
}

fn engine(e: &McError) -> Option<String> {
    Some(match e {
        // The specification's error is `field: message` (the binary does
        // not link grdp-core, whose enum it is).
        // grdp-core's checks in grdp-scenario's words; the engine's own
        // (draws that collapse to -100 %) here.
        McError::Spec(spec) => match grdp_scenario::uncertainty_error_vi(spec) {
            Some(vi) => vi,
            None => {
                let field = spec.field();
                let text = spec.to_string();
                format!(
                    "{field}: {}",
                    collapse(text.strip_prefix(&format!("{field}: "))?)?
                )
            }
        },
        McError::InvalidSetting { setting, message } => setting_vi(*setting, message)?,
        McError::Cancelled { done, planned } => format!(
            "đã dừng sau {} trên {} lần mô phỏng; chưa ghi tệp nào",
            vn(*done as f64),
            vn(*planned as f64)
        ),
        McError::NonFinite { what, year } => {
            let what = match what.as_str() {
                "aggregate growth" => "tốc độ tăng trưởng GRDP",
                "GRDP at current prices" => "GRDP theo giá hiện hành",
                "mean or spread of aggregate growth" => {
                    "trung bình hoặc độ phân tán của tốc độ tăng trưởng GRDP"
                }
                _ => return None,
            };
            format!(
                "mô phỏng cho ra {what} không hữu hạn năm {year}; hãy kiểm tra khoảng giá trị của các phân phối (tốc độ tăng hàng nghìn phần trăm?)"
            )
        }
        McError::Draws(_) => "không ghi được các lần mô phỏng".into(),
        McError::Calibration(text) => format!("ước lượng từ chuỗi số liệu: {}", calibration(text)?),
        _ => return None,
    })
}

/// A run setting refused, named by its flag.
fn setting_vi(setting: RunSetting, message: &str) -> Option<String> {
    let found = |m: &str| parse(m, &["found ", "; expected ", ""]).map(|p| vn_text(p[0]));
    Some(match setting {
        RunSetting::Scenarios if message == "found 0; expected at least 1 scenario" => {
            "-n: gặp 0; cần ít nhất 1 lần mô phỏng".into()
        }
        RunSetting::Scenarios => {
            let p = parse(message, &["found ", "; expected at most ", ""])?;
            format!(
                "-n: gặp {}; tối đa {} lần mô phỏng (dùng --precision để dừng khi kết quả đã đủ chính xác)",
                vn_text(p[0]),
                vn_text(p[1])
            )
        }
        RunSetting::Precision => {
            let p = parse(
                message,
                &[
                    "found ",
                    "; expected a half-width of the 95% interval between 0 and 0.5, such as 0.005",
                ],
            )?;
            format!(
                "--precision: gặp {}; cần nửa độ rộng của khoảng tin cậy 95%, lớn hơn 0 và nhỏ hơn 0,5, ví dụ `0.005`",
                vn_text(p[0])
            )
        }
        RunSetting::Target => format!(
            "--target: gặp {}; cần một tốc độ tăng trưởng hữu hạn, tính bằng phần trăm",
            found(message)?
        ),
        RunSetting::TargetYear => {
            let p = parse(
                message,
                &["found ", "; expected a plan year (", "), or a [[plan]] for it"],
            )?;
            format!(
                "--year: gặp {}; cần một năm của kế hoạch ({}), hoặc thêm một [[plan]] cho năm đó",
                p[0], p[1]
            )
        }
        RunSetting::OptimismRecord => match message {
            "the historical shortfalls are empty or not finite" => {
                "--optimism-bias: chuỗi mức hụt chỉ tiêu trong quá khứ trống hoặc có giá trị không hữu hạn".into()
            }
            "a paired run needs the record of past shortfalls" => {
                "--optimism-bias: lần chạy kép cần chuỗi mức hụt chỉ tiêu trong quá khứ".into()
            }
            _ => return None,
        },
        _ => return None,
    })
}

/// The engine's refusal of a distribution whose draws fall to −100 % or
/// below (montecarlo's model), without its field.
fn collapse(message: &str) -> Option<String> {
    let p = parse(
        message,
        &[
            "under the view `",
            "`, ",
            " of the draws of ",
            " growth in ",
            " are at or below -100% (centre ",
            "%); a sector cannot lose all its output. Expected a distribution that keeps growth above -100%: a smaller spread, a centre further from -100%, or bounds (truncated_normal)",
        ],
    )?;
    let share = match p[1] {
        "all" => "tất cả".to_string(),
        s => format!("{}%", vn_text(s.strip_suffix('%')?)),
    };
    Some(format!(
        "theo kịch bản `{}`, {share} số lần mô phỏng cho tốc độ tăng của `{}` năm {} từ -100% trở xuống (giá trị trung tâm {}%); không thành phần nào (kể cả GRDP) có thể giảm từ 100% trở lên. Cần một phân phối giữ tốc độ tăng trên -100%: độ phân tán nhỏ hơn, giá trị trung tâm xa -100% hơn, hoặc đặt giới hạn (`truncated_normal`)",
        p[0],
        p[2],
        p[3],
        vn_text(p[4])
    ))
}

/// `grdp calibrate`'s refusals (montecarlo's calibrate).
fn calibration(text: &str) -> Option<String> {
    if text
        == "no component has growth in the years asked for; check --region, --from, --to and --exclude against the history"
    {
        return Some("không thành phần nào có số liệu tăng trưởng trong các năm đã chọn; hãy đối chiếu --region, --from, --to và --exclude với chuỗi số liệu".into());
    }
    if text == "the source region's growth does not vary" {
        return Some("tốc độ tăng của địa phương nguồn không thay đổi qua các năm".into());
    }
    if let Some(p) = parse(
        text,
        &[
            "`",
            "` has ",
            " year(s); expected at least 2 to estimate a standard deviation",
        ],
    ) {
        return Some(format!(
            "`{}` có {} năm số liệu; cần ít nhất 2 năm để ước lượng độ lệch chuẩn",
            p[0], p[1]
        ));
    }
    if let Some(p) = parse(
        text,
        &[
            "`",
            "` grew by the same ",
            "% in every one of its ",
            " years: a constant series gives no spread to estimate (sd 0, which a scenario refuses); leave it out with --components, or give it a distribution by hand",
        ],
    ) {
        return Some(format!(
            "`{}` tăng cùng một mức {}% trong cả {} năm: chuỗi không đổi không cho ước lượng được độ phân tán (độ lệch chuẩn bằng 0, mà kịch bản không nhận); hãy bỏ thành phần này ra bằng --components, hoặc tự nêu phân phối cho nó",
            p[0],
            vn_text(p[1]),
            p[2]
        ));
    }
    if let Some(p) = parse(
        text,
        &[
            "the two regions share ",
            " year(s) of aggregate growth; expected at least 3 to compare volatility",
        ],
    ) {
        return Some(format!(
            "hai địa phương chỉ có chung {} năm số liệu tăng trưởng GRDP; cần ít nhất 3 năm để so sánh mức dao động",
            p[0]
        ));
    }
    if let Some(p) = parse(
        text,
        &[
            "",
            " year(s) with both a growth target and an outcome; expected at least 2",
        ],
    ) {
        return Some(format!(
            "{} năm có cả chỉ tiêu tăng trưởng và kết quả thực hiện; cần ít nhất 2 năm",
            p[0]
        ));
    }
    None
}

fn study(e: &StudyError) -> Option<String> {
    Some(match e {
        StudyError::NoUncertainty => "kịch bản không có mục [uncertainty], nên không có gì để mô phỏng; hãy thêm mục này (docs/scenario-format.md) hoặc bắt đầu từ `grdp calibrate`".into(),
        StudyError::UnknownRegion { id, known } => format!(
            "không có địa phương `{id}` trong chuỗi số liệu; cần một trong: {}",
            known.join(", ")
        ),
        StudyError::TooShortRecord { region, found } => format!(
            "chuỗi số liệu chỉ có {found} năm của {region} có cả chỉ tiêu tăng trưởng (growth_target_min_pct) và kết quả thực hiện; cần ít nhất 2 năm"
        ),
        StudyError::Overflow { year } => format!(
            "dự báo vượt giới hạn tính toán năm {year}: giá trị vượt quá khả năng biểu diễn của một số 64 bit; hãy kiểm tra các tốc độ tăng trong kế hoạch"
        ),
        StudyError::NoRelease {
            region,
            period,
            why,
        } => format!(
            "số liệu {region} kỳ {period} trong chuỗi số liệu không cho tính được tỷ trọng theo giá so sánh 2010: {}",
            no_release(why)?
        ),
        StudyError::Batch { reason } => format!("lệnh batch: {}", batch(reason)?),
        StudyError::NoPlanYear => {
            "kịch bản không có năm kế hoạch ([[plan]]) nào để tính; hãy thêm một năm".into()
        }
        StudyError::Model(m) => model(m)?,
        StudyError::Engine(m) => engine(m)?,
        StudyError::Threads(_) => "không khởi động được các luồng tính toán".into(),
        StudyError::UnknownCompareRegion {
            name,
            origin,
            location,
            meant,
            known,
        } => {
            let at = location.as_deref().map_or_else(String::new, |l| format!("{l}: "));
            let origin = table_vi(origin);
            let quoted = |names: &[String]| {
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            match meant.as_slice() {
                [] => format!(
                    "{at}[compare]: không có địa phương `{name}` trong {origin}; tên phải viết đúng như bảng ghi: {}",
                    known.join(", ")
                ),
                [one] => format!(
                    "{at}[compare]: không có địa phương `{name}` trong {origin}; có phải là {}? Tên phải viết đúng như bảng ghi",
                    quoted(std::slice::from_ref(one))
                ),
                several => format!(
                    "{at}[compare]: không có địa phương `{name}` trong {origin}; có phải là một trong {}? Tên phải viết đúng như bảng ghi, kể cả phần trong ngoặc",
                    quoted(several)
                ),
            }
        }
        _ => return None,
    })
}

/// A provincial table as the errors name it, in Vietnamese: the built-in
/// one by its words, a file by its path.
fn table_vi(origin: &str) -> String {
    origin
        .strip_prefix("built-in table ")
        .map_or_else(|| origin.to_string(), |path| format!("bảng có sẵn {path}"))
}

/// Why a release gives no weights (the study's release).
fn no_release(why: &str) -> Option<String> {
    if why
        == "it lists the total only; expected its components (e.g. agriculture, industry_construction, services), each with its growth and its contribution, share of the increase, or level"
    {
        return Some("chỉ có số liệu tổng số; cần số liệu của các thành phần (ví dụ agriculture, industry_construction, services), mỗi thành phần có tốc độ tăng cùng với mức đóng góp vào tăng trưởng, tỷ lệ đóng góp vào mức tăng hoặc giá trị".into());
    }
    if let Some(p) = parse(
        why,
        &["no rows for that period; the history has ", " for ", ""],
    ) {
        return Some(format!(
            "không có dòng số liệu nào cho kỳ này; chuỗi số liệu có {} cho các kỳ {}",
            p[0], p[1]
        ));
    }
    if let Some(p) = parse(why, &["", " is missing for ", "; every component needs it"]) {
        return Some(format!(
            "thiếu {} cho {}; thành phần nào cũng cần chỉ tiêu này",
            p[0], p[1]
        ));
    }
    if let Some(p) = parse(
        why,
        &[
            "",
            ": growth_pct is 0, so its weight cannot be worked out from its contribution or share",
        ],
    ) {
        return Some(format!(
            "{}: growth_pct bằng 0, nên không tính được tỷ trọng theo giá so sánh 2010 từ mức đóng góp hay tỷ lệ đóng góp",
            p[0]
        ));
    }
    None
}

/// A batch's refusal (the study's batch): of the whole, or of one region
/// or file (`name: why`).
fn batch(reason: &str) -> Option<String> {
    if reason == "the folder holds no scenario (.toml) file" {
        return Some("thư mục không có tệp kịch bản (.toml) nào".into());
    }
    if let Some(p) = parse(
        reason,
        &[
            "no region has a growth target for ",
            " (rows with indicator growth_target_min_pct, component total, period ",
            ")",
        ],
    ) {
        return Some(format!(
            "không địa phương nào có chỉ tiêu tăng trưởng cho năm {} (các dòng có indicator growth_target_min_pct, component total, period {})",
            p[0], p[1]
        ));
    }
    if let Some(p) = parse(
        reason,
        &[
            "the spread is ",
            "; expected a positive number of percentage points, at most 50",
        ],
    ) {
        return Some(format!(
            "độ phân tán là {}; cần một số dương, tính bằng điểm phần trăm, không quá 50",
            vn_text(p[0])
        ));
    }
    if let Some(p) = parse(
        reason,
        &[
            "",
            "'s growth target for ",
            " is ",
            " % (line ",
            "); expected between ",
            " and ",
            " %: a typing slip (a missing decimal point?)",
        ],
    ) {
        return Some(format!(
            "chỉ tiêu tăng trưởng năm {} của {} là {}% (dòng {}); cần trong khoảng từ {} đến {}%: có phải gõ nhầm (thiếu dấu thập phân)?",
            p[1],
            p[0],
            vn_text(p[2]),
            p[3],
            vn_text(p[4]),
            vn_text(p[5])
        ));
    }
    if let Some(p) = parse(
        reason,
        &[
            "",
            " have no growth for ",
            " in the table, and the national series has none to stand in (region `",
            "` of the history); add their ",
            " growth_pct rows, or the nation's",
        ],
    ) {
        return Some(format!(
            "{} không có tốc độ tăng năm {} trong bảng, và chuỗi số liệu cả nước cũng không có để thay thế (địa phương `{}` trong chuỗi số liệu); hãy thêm các dòng growth_pct năm {} của các địa phương này, hoặc của cả nước",
            p[0], p[1], p[2], p[3]
        ));
    }
    // One region's or one file's: `name: why`, where the why is the
    // engine's refusal of a distribution, with the row's own inputs.
    let (name, rest) = reason.split_once(": ")?;
    let (field, rest) = rest.split_once(": ")?;
    let (message, row) = match rest
        .split_once(" (here the centre is the table's last-year growth, ")
    {
        Some((message, row)) => {
            let p = parse(
                row,
                &[
                    "",
                    "%, and the spread ",
                    " pp: check that figure, or state a smaller spread with --sd)",
                ],
            )?;
            (
                message,
                format!(
                    " (ở đây giá trị trung tâm là tốc độ tăng năm trước trong bảng, {}%, và độ phân tán {} điểm phần trăm: hãy kiểm tra lại số liệu đó, hoặc nêu độ phân tán nhỏ hơn bằng --sd)",
                    vn_text(p[0]),
                    vn_text(p[1])
                ),
            )
        }
        None => (rest, String::new()),
    };
    if !field.starts_with("uncertainty.") {
        return None;
    }
    Some(format!("{name}: {field}: {}{row}", collapse(message)?))
}

/// The model's refusal (a solve without an answer, among others), in the
/// words grdp-scenario gives grdp-core's errors.
fn model(e: &ModelError) -> Option<String> {
    grdp_scenario::model_error_vi(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_vietnamese() {
        assert_eq!(vn(4.3), "4,3");
        assert_eq!(vn(100_000_000_000.0), "100.000.000.000");
        assert_eq!(vn(-99.0), "-99");
        assert_eq!(vn_text("3.00"), "3");
        assert_eq!(vn(1e15), "1.000.000.000.000.000");
    }

    #[test]
    fn parse_takes_the_parts_between_the_pieces() {
        assert_eq!(
            parse("found 2; expected x", &["found ", "; expected ", ""]),
            Some(vec!["2", "x"])
        );
        assert_eq!(parse("found 2; expected x", &["found ", "; wanted "]), None);
        assert_eq!(parse("a 1 b", &["a ", " b"]), Some(vec!["1"]));
        assert_eq!(parse("a 1 b c", &["a ", " b"]), None);
    }

    #[test]
    fn a_batch_without_last_year_in_vietnamese() {
        let r = "a, b have no growth for 2024 in the table, and the national series has none to stand in (region `vietnam` of the history); add their 2024 growth_pct rows, or the nation's";
        let vi = batch(r).unwrap();
        assert!(vi.starts_with("a, b không có tốc độ tăng năm 2024"), "{vi}");
        assert!(vi.contains("`vietnam`"), "{vi}");
        // A shape not known stays English whole.
        assert_eq!(batch("zed: something new"), None);
    }

    #[test]
    fn a_collapse_in_vietnamese() {
        let m = "under the view `plan`, 4.3% of the draws of farming growth in 2025 are at or below -100% (centre 3.00%); a sector cannot lose all its output. Expected a distribution that keeps growth above -100%: a smaller spread, a centre further from -100%, or bounds (truncated_normal)";
        let vi = collapse(m).unwrap();
        assert!(vi.contains("4,3% số lần mô phỏng"), "{vi}");
        assert!(vi.contains("giá trị trung tâm 3%"), "{vi}");
    }
}
