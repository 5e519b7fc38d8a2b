//! The data compiled into the binary, so that every command works from any folder.

/// The built-in Cần Thơ 2025 scenario (`data/cantho/scenario-2025.toml`).
pub const CAN_THO_2025_TOML: &str = include_str!("../../../data/cantho/scenario-2025.toml");

/// The name the built-in scenario goes by in messages.
pub const CAN_THO_2025_ORIGIN: &str = "built-in scenario data/cantho/scenario-2025.toml";

/// The sector growth history (`data/history.csv`): Cần Thơ and Vietnam.
pub const HISTORY_CSV: &str = include_str!("../../../data/history.csv");

/// The name the built-in history goes by in messages.
pub const HISTORY_ORIGIN: &str = "built-in history data/history.csv";

/// Loads the built-in Cần Thơ 2025 scenario.
pub fn can_tho_2025() -> Result<crate::LoadedScenario, crate::LoadError> {
    crate::parse_scenario(CAN_THO_2025_TOML, CAN_THO_2025_ORIGIN)
}

/// Loads the built-in history.
pub fn history() -> Result<crate::History, crate::LoadError> {
    crate::parse_history(HISTORY_CSV, HISTORY_ORIGIN)
}
