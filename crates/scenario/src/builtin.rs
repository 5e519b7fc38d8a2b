//! The data compiled into the binary, so that every command works from any folder.

/// The built-in Cần Thơ 2025 scenario (`data/cantho/scenario-2025.toml`).
pub const CAN_THO_2025_TOML: &str = include_str!("../../../data/cantho/scenario-2025.toml");

/// The name the built-in scenario goes by in messages.
pub const CAN_THO_2025_ORIGIN: &str = "built-in scenario data/cantho/scenario-2025.toml";

/// The built-in Cần Thơ 2026 scenario of the merged city
/// (`data/cantho/scenario-2026.toml`).
pub const CAN_THO_2026_TOML: &str = include_str!("../../../data/cantho/scenario-2026.toml");

/// The sector growth history (`data/history.csv`): Cần Thơ and Vietnam.
pub const HISTORY_CSV: &str = include_str!("../../../data/history.csv");

/// The name the built-in history goes by in messages.
pub const HISTORY_ORIGIN: &str = "built-in history data/history.csv";

/// A scenario compiled into the binary, selectable by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Builtin {
    /// The name it is selected by, e.g. `cantho-2025`.
    pub name: &'static str,
    /// One line: what question it asks.
    pub summary: &'static str,
    /// `summary` in Vietnamese.
    pub summary_vi: &'static str,
    /// The TOML text.
    pub toml: &'static str,
    /// The file it was compiled from, for messages. (Whose record in
    /// `data/history.csv` is the area's own, the file says: its
    /// `history_region`.)
    pub origin: &'static str,
}

impl Builtin {
    /// Parses the scenario.
    pub fn load(&self) -> Result<crate::LoadedScenario, crate::LoadError> {
        crate::parse_scenario(self.toml, self.origin)
    }
}

/// Every built-in scenario; the first is the default.
pub const ALL: [Builtin; 2] = [
    Builtin {
        name: "cantho-2025",
        summary: "Cần Thơ before the merger: the council's December 2024 draft resolution, 9.5 % in 2025 from four sector targets",
        summary_vi: "Cần Thơ trước hợp nhất: dự thảo nghị quyết của HĐND thành phố tháng 12/2024, tăng trưởng 9,5% năm 2025 từ chỉ tiêu của bốn khu vực",
        toml: CAN_THO_2025_TOML,
        origin: CAN_THO_2025_ORIGIN,
    },
    Builtin {
        name: "cantho-2026",
        summary: "Cần Thơ after the July 2025 merger (with Hậu Giang and Sóc Trăng): 10-10.5 % in 2026 from a 7.23 % year, no sector targets",
        summary_vi: "Cần Thơ sau hợp nhất tháng 7/2025 (với Hậu Giang và Sóc Trăng): tăng trưởng 10–10,5% năm 2026 sau năm 2025 tăng 7,23%, chưa có chỉ tiêu khu vực",
        toml: CAN_THO_2026_TOML,
        origin: "built-in scenario data/cantho/scenario-2026.toml",
    },
];

/// The built-in scenario called `name`.
pub fn by_name(name: &str) -> Option<&'static Builtin> {
    ALL.iter().find(|b| b.name == name)
}

/// Loads the built-in Cần Thơ 2025 scenario.
pub fn can_tho_2025() -> Result<crate::LoadedScenario, crate::LoadError> {
    ALL[0].load()
}

/// The provincial table (`data/provinces/provinces.csv`): Resolution
/// 25/NQ-CP's 2025 growth targets and the 2024 and 2025 outcomes found.
pub const PROVINCES_CSV: &str = include_str!("../../../data/provinces/provinces.csv");

/// The name the built-in provincial table goes by in messages.
pub const PROVINCES_ORIGIN: &str = "built-in table data/provinces/provinces.csv";

/// Loads the built-in provincial table.
pub fn provinces() -> Result<crate::History, crate::LoadError> {
    crate::parse_history(PROVINCES_CSV, PROVINCES_ORIGIN)
}

/// Loads the built-in history.
pub fn history() -> Result<crate::History, crate::LoadError> {
    crate::parse_history(HISTORY_CSV, HISTORY_ORIGIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old city's scenario names its record in the history; the merged
    /// city's does not (the record is the old city's, on another basis).
    #[test]
    fn each_built_in_scenario_names_its_own_record_or_none() {
        let region = |b: &Builtin| b.load().unwrap().meta.history_region;
        assert_eq!(region(&ALL[0]).as_deref(), Some("can_tho"));
        assert_eq!(region(&ALL[1]), None);
        let history = history().unwrap();
        assert!(history.records.iter().any(|r| r.region == "can_tho"));
    }
}
