//! 勾稽关系: consistency checks, a list of named functions that all run.
