//! The bundled sample workspace (郑州市工业和信息化局, from the seed reports), below the window
//! and the command line, which both open it.

use crate::model::Workspace;
use crate::store::{self, LoadError};

/// The sample's file content.
pub const SAMPLE_RON: &str = include_str!("../sample-data/zhengzhou-gongxin.ron");

/// The file name the sample is known by.
pub const SAMPLE_NAME: &str = "zhengzhou-gongxin.ron";

/// The bundled sample, parsed.
pub fn sample_workspace() -> Result<Workspace, LoadError> {
    store::load_str(SAMPLE_RON)
}
