//! The engine's refusals in Vietnamese: grdp-core speaks English only (it
//! knows nothing of languages), so its structured errors are said again
//! here, from their fields, for `--lang vi`.

use grdp_core::ModelError;
use grdp_core::uncertainty::UncertaintyError;

/// A model error in Vietnamese; `None` where it has no Vietnamese yet
/// (it is then shown in English).
pub(crate) fn model_error(e: &ModelError) -> Option<String> {
    let _ = e;
    None
}

/// An uncertainty error in Vietnamese; `None` where it has no Vietnamese
/// yet (it is then shown in English).
pub(crate) fn uncertainty_error(e: &UncertaintyError) -> Option<String> {
    let _ = e;
    None
}
