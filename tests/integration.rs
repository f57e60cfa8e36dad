//! The crate's integration tests, in one binary.

mod integration {
    pub mod api;
    #[cfg(feature = "html")]
    pub mod bad_html;
    pub mod bad_input;
    #[cfg(all(feature = "rayon", feature = "html"))]
    pub mod batch;
    #[cfg(feature = "html")]
    pub mod corpus;
    #[cfg(feature = "scraper")]
    pub mod dom;
    #[cfg(feature = "html")]
    pub mod encodings;
    pub mod first_hour;
    #[cfg(feature = "scraper")]
    pub mod html5lib;
    pub mod layers;
    #[cfg(feature = "html")]
    pub mod markdown;
    pub mod props;
    pub mod seeds;
    pub mod site_memory;
}
