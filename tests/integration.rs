//! The crate's integration tests, in one binary.

mod integration {
    pub mod api;
    pub mod bad_input;
    pub mod props;
    pub mod seeds;
}
