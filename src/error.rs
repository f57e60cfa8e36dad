//! The error type of construction: building a [`Cleaner`](crate::Cleaner) or
//! loading a [`Model`](crate::Model). Cleaning itself never fails.

/// An error from building a [`Cleaner`](crate::Cleaner) or loading a
/// [`Model`](crate::Model).
///
/// Cleaning never returns an error; only construction does. The cause is
/// available as an [`ErrorKind`] through [`Error::kind`].
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, ErrorKind};
///
/// let err = Cleaner::builder().threshold(1.5).build().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidThreshold { .. }));
/// assert_eq!(err.to_string(), "threshold must be a number in 0..=1, got 1.5");
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error(transparent)]
pub struct Error(ErrorKind);

impl Error {
    /// What went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Model, ErrorKind};
    ///
    /// let err = Model::from_bytes(b"not a model").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidModel { line: Some(1), .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(kind)
    }

    /// A model error at a line (1-based) of the model text.
    pub(crate) fn model_at(line: usize, message: impl Into<String>) -> Error {
        Error(ErrorKind::InvalidModel {
            line: Some(line),
            message: message.into(),
        })
    }

    /// A model error that concerns the model as a whole.
    pub(crate) fn model(message: impl Into<String>) -> Error {
        Error(ErrorKind::InvalidModel {
            line: None,
            message: message.into(),
        })
    }
}

/// The kinds of [`Error`].
///
/// **This enum is non-exhaustive**: new kinds may be added in minor
/// releases, so a `match` on it needs a wildcard arm.
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, ErrorKind};
///
/// let err = Cleaner::builder().junk_patterns(["ok", "  "]).build().unwrap_err();
/// match err.kind() {
///     ErrorKind::EmptyPattern { list, index } => {
///         assert_eq!((*list, *index), ("junk", 1));
///     }
///     other => panic!("unexpected {other}"),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The threshold given to the builder is not a number in `0..=1`.
    #[error("threshold must be a number in 0..=1, got {got}")]
    InvalidThreshold {
        /// The value given.
        got: f32,
    },
    /// A user pattern has no word in it (it is empty, or only punctuation
    /// and spaces), so it could never match.
    #[error("{list} pattern {index} has no word characters")]
    EmptyPattern {
        /// Which list: `"junk"` or `"keep"`.
        list: &'static str,
        /// Its index in the list given to the builder.
        index: usize,
    },
    /// A model could not be loaded: its text is malformed, made for another
    /// featuriser, cut short, edited after training, or holds a non-finite
    /// weight.
    #[error("invalid model{}: {message}", line.map_or(String::new(), |l| format!(" at line {l}")))]
    InvalidModel {
        /// The 1-based line of the model text where the problem is; `None`
        /// when it concerns the model as a whole (a missing record, a
        /// record count or digest that does not match).
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A [`SiteMemory`](crate::SiteMemory) setting is out of range.
    #[error("invalid site memory setting: {message}")]
    InvalidMemory {
        /// Which setting, and the value given.
        message: String,
    },
    /// The patterns could not be compiled: too many or too long user
    /// patterns for the automaton, or a model phrase of more than 32 words.
    #[error("patterns could not be compiled: {message}")]
    PatternsTooLarge {
        /// The matcher's own message.
        message: String,
    },
}
