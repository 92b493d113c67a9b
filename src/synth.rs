//! Synthetic workspaces of any size, valid and scoreable, for benchmarks.
