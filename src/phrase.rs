//! Stage 2a of the pipeline: the phrase matcher. One automaton over every
//! phrase, function word and pack phrase of a model, run over each block's
//! normalised words; each pattern stands for a [`Role`].

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind, StartKind, dfa, nfa::contiguous};

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Role {
    /// A learned phrase, by index into the model's phrase weights.
    pub phrase: Option<u32>,
    /// A function word, counted for the density features.
    pub stopword: bool,
    /// Bit `k` set: the phrase belongs to the `k`-th curated pack.
    pub packs: u16,
}

/// The phrase automaton: a DFA, or a contiguous NFA when the DFA would be
/// too large. Walked byte by byte (see [`Phrases::scan`]) rather than
/// through the match iterator, because nearly every word of a page ends a
/// match (function words, one-word phrases) and the per-match cost of an
/// iterator would dominate.
enum Automata {
    Dfa(dfa::DFA),
    Nfa(contiguous::NFA),
}

/// The compiled patterns of a model and their roles.
pub(crate) struct Phrases {
    automaton: Automata,
    roles: Vec<Role>,
}

impl std::fmt::Debug for Phrases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Phrases")
            .field("patterns", &self.roles.len())
            .finish()
    }
}

impl Phrases {
    /// Compiles `patterns` (normalised words, without padding), each with
    /// its role. Patterns match whole words only: they are padded with a
    /// space on each side, as the normalised blocks are.
    ///
    /// Errors with the automaton builder's message when the patterns
    /// cannot be compiled at all.
    pub(crate) fn new<'p>(
        patterns: impl IntoIterator<Item = (&'p str, Role)>,
    ) -> Result<Phrases, String> {
        let (padded, roles): (Vec<String>, Vec<Role>) = patterns
            .into_iter()
            .map(|(p, r)| (format!(" {p} "), r))
            .unzip();
        let automaton = match dfa::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .start_kind(StartKind::Unanchored)
            .build(&padded)
        {
            Ok(d) => Automata::Dfa(d),
            Err(_) => Automata::Nfa(
                contiguous::Builder::new()
                    .match_kind(MatchKind::Standard)
                    .prefilter(false)
                    .build(&padded)
                    .map_err(|e| e.to_string())?,
            ),
        };
        Ok(Phrases { automaton, roles })
    }

    /// Calls `f(role)` for every (overlapping) match in `haystack`, a
    /// block's normalised text. The automaton starts afresh for each call.
    pub(crate) fn scan(&self, haystack: &[u8], mut f: impl FnMut(Role)) {
        let roles = &self.roles;
        match &self.automaton {
            Automata::Dfa(a) => walk(a, haystack, |p| f(roles[p])),
            Automata::Nfa(a) => walk(a, haystack, |p| f(roles[p])),
        }
    }
}

#[inline(always)]
fn walk<A: Automaton>(a: &A, haystack: &[u8], mut f: impl FnMut(usize)) {
    let Ok(start) = a.start_state(Anchored::No) else {
        return;
    };
    let mut sid = start;
    for &b in haystack {
        sid = a.next_state(Anchored::No, sid, b);
        if a.is_special(sid) {
            if a.is_dead(sid) {
                return;
            }
            if a.is_match(sid) {
                for k in 0..a.match_len(sid) {
                    f(a.match_pattern(sid, k).as_usize());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_with_their_roles() {
        let stop = Role {
            stopword: true,
            ..Role::default()
        };
        let phrase = Role {
            phrase: Some(7),
            packs: 0b10,
            ..Role::default()
        };
        let p = Phrases::new([("the", stop), ("read also", phrase)]).unwrap();
        let mut seen = Vec::new();
        p.scan(b" read also the theory ", |r| {
            seen.push((r.phrase, r.stopword, r.packs))
        });
        assert_eq!(seen, [(Some(7), false, 0b10), (None, true, 0)]);
    }
}
