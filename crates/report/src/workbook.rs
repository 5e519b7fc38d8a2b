//! The Excel workbook (`grdp-report.xlsx`): the report's tables, one sheet
//! each, numbers as numbers.
