//! Synthetic databases at scale, for benchmarks: see `pathways init --synthetic N`.
