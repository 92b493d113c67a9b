//! 绩效评价工作台 (crate `jixiao`): budget performance evaluation for one evaluator, offline.
//!
//! Layers look only downward: `model` (plain data) ← `calc` (pure derived values) ← `store`,
//! `report`, `import`, `review` (files and output) ← `ui` (the window) and `cli` (headless commands).

pub mod calc;
pub mod cli;
pub mod doc;
pub mod import;
pub mod model;
pub mod report;
pub mod review;
pub mod sample;
pub mod store;
pub mod synth;
pub mod templates;
pub mod ui;
