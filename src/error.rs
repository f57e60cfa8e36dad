//! The error type of construction: building a [`Cleaner`](crate::Cleaner) or
//! loading a [`Model`](crate::Model). Cleaning itself never fails.

/// An error from building a [`Cleaner`](crate::Cleaner), a
/// [`SiteMemory`](crate::SiteMemory), or loading a [`Model`](crate::Model).
///
/// Cleaning never returns an error; only construction does. What went
/// wrong is an [`ErrorKind`] ([`Error::kind`]); the model line or the
/// pattern at fault are typed accessors ([`Error::line`],
/// [`Error::pattern`]); the message (`Display`) says it all in words.
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, ErrorKind};
///
/// let err = Cleaner::builder().threshold(1.5).build().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidThreshold);
/// assert_eq!(err.to_string(), "threshold must be a number in 0..=1, got 1.5");
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error(transparent)]
pub struct Error(Repr);

impl Error {
    /// What went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Model, ErrorKind};
    ///
    /// let err = Model::from_bytes(b"not a model").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidModel);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self.0 {
            Repr::InvalidThreshold { .. } => ErrorKind::InvalidThreshold,
            Repr::EmptyPattern { .. } => ErrorKind::EmptyPattern,
            Repr::InvalidModel { .. } => ErrorKind::InvalidModel,
            Repr::InvalidMemory { .. } => ErrorKind::InvalidMemory,
            Repr::PatternsTooLarge { .. } => ErrorKind::PatternsTooLarge,
        }
    }

    /// For [`ErrorKind::InvalidModel`], the 1-based line of the model text
    /// where the problem is; `None` when it concerns the model as a whole
    /// (a missing record, a record count or digest that does not match),
    /// and for other kinds.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dejunk::Model::from_bytes(b"not a model").unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self.0 {
            Repr::InvalidModel { line, .. } => line,
            _ => None,
        }
    }

    /// For [`ErrorKind::EmptyPattern`], the index of the pattern at fault
    /// in the list given to the builder, and whether that list is the
    /// keep patterns (`true`) or the junk patterns (`false`); `None` for
    /// other kinds.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dejunk::Cleaner::builder().junk_patterns(["ok", "  "]).build().unwrap_err();
    /// assert_eq!(err.pattern(), Some((1, false)));
    /// ```
    pub fn pattern(&self) -> Option<(usize, bool)> {
        match self.0 {
            Repr::EmptyPattern { keep, index } => Some((index, keep)),
            _ => None,
        }
    }

    pub(crate) fn threshold(got: f32) -> Error {
        Error(Repr::InvalidThreshold { got })
    }

    pub(crate) fn empty_pattern(keep: bool, index: usize) -> Error {
        Error(Repr::EmptyPattern { keep, index })
    }

    pub(crate) fn memory(message: impl Into<String>) -> Error {
        Error(Repr::InvalidMemory {
            message: message.into(),
        })
    }

    pub(crate) fn patterns(message: impl Into<String>) -> Error {
        Error(Repr::PatternsTooLarge {
            message: message.into(),
        })
    }

    /// A model error at a line (1-based) of the model text.
    pub(crate) fn model_at(line: usize, message: impl Into<String>) -> Error {
        Error(Repr::InvalidModel {
            line: Some(line),
            message: message.into(),
        })
    }

    /// A model error that concerns the model as a whole.
    pub(crate) fn model(message: impl Into<String>) -> Error {
        Error(Repr::InvalidModel {
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
///     ErrorKind::EmptyPattern => assert_eq!(err.pattern(), Some((1, false))),
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The threshold given to the builder is not a number in `0..=1`.
    InvalidThreshold,
    /// A user pattern has no word in it (it is empty, or only punctuation
    /// and spaces), so it could never match ([`Error::pattern`] says
    /// which).
    EmptyPattern,
    /// A model could not be loaded: its text is malformed, made for another
    /// featuriser, cut short, edited after training, or holds a non-finite
    /// weight ([`Error::line`] says where, when a line is at fault).
    InvalidModel,
    /// A [`SiteMemory`](crate::SiteMemory) setting is out of range, or its
    /// memory cannot be allocated.
    InvalidMemory,
    /// The patterns could not be compiled: too many or too long user
    /// patterns for the automaton, or a model phrase of more than 32 words.
    PatternsTooLarge,
}

/// What an [`Error`] holds: its kind and the details its message gives.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
enum Repr {
    #[error("threshold must be a number in 0..=1, got {got}")]
    InvalidThreshold { got: f32 },
    #[error("{} pattern {index} has no word characters", if *keep { "keep" } else { "junk" })]
    EmptyPattern { keep: bool, index: usize },
    #[error("invalid model{}: {message}", line.map_or(String::new(), |l| format!(" at line {l}")))]
    InvalidModel {
        line: Option<usize>,
        message: String,
    },
    #[error("invalid site memory setting: {message}")]
    InvalidMemory { message: String },
    #[error("patterns could not be compiled: {message}")]
    PatternsTooLarge { message: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_messages() {
        let e = Error::empty_pattern(true, 3);
        assert_eq!(
            (e.kind(), e.pattern(), e.line()),
            (ErrorKind::EmptyPattern, Some((3, true)), None)
        );
        assert_eq!(e.to_string(), "keep pattern 3 has no word characters");
        let e = Error::model_at(7, "bad weight");
        assert_eq!(
            (e.kind(), e.line(), e.pattern()),
            (ErrorKind::InvalidModel, Some(7), None)
        );
        assert_eq!(e.to_string(), "invalid model at line 7: bad weight");
        assert_eq!(
            Error::model("no `records` record").to_string(),
            "invalid model: no `records` record"
        );
        assert_eq!(Error::memory("x").kind(), ErrorKind::InvalidMemory);
        assert_eq!(
            Error::patterns("y").to_string(),
            "patterns could not be compiled: y"
        );
        assert_eq!(Error::threshold(2.0).kind(), ErrorKind::InvalidThreshold);
    }
}
