//! Cross-page memory: lines that recur on many pages of one site.
//!
//! A fixed-size table of counters, keyed by a hash of (site, normalised
//! line), counts on how many pages of a site each line was seen. The table
//! never grows: each key hashes to a bucket of [`SLOTS`] slots holding a
//! 32-bit fingerprint and a count. When a new key meets a full bucket, the
//! bucket's smallest count decays by one with probability `DECAY^-count`
//! and the key takes the slot when that count reaches zero (the
//! HeavyKeeper scheme). Lines seen once churn through the low slots; lines
//! that recur on many pages hold theirs. A count is never larger than the
//! true count (fingerprints aside), so memory pressure can only make the
//! memory forget boilerplate, never invent it.
//!
//! The "random" decay draws come from a hash of the key and a per-shard
//! operation counter, so in a process the table is a pure function of the
//! order of the [`SiteMemory::observe`] calls. The keys are keyed with the
//! process's hash seed (a page's author must not be able to aim its lines
//! at another site's keys), so which keys share a bucket, and so what a
//! full bucket drops, differs from one process to the next.
//!
//! Pages are read into it by [`SiteMemory::observe`] and
//! [`Observation::new`], which the `page` module defines (it reads pages).

use std::sync::Mutex;

use crate::error::Error;
use crate::hash::{keyed_hash, mix};
use crate::segment::Segmented;

/// Slots per bucket: 8 slots of 8 bytes, one cache line.
const SLOTS: usize = 8;
/// Independent locks, so that threads rarely wait on each other.
const SHARDS: usize = 64;
/// HeavyKeeper's decay base: a count `c` decays with probability
/// `DECAY^-c` (a count of 30 decays once in about ten collisions).
const DECAY: f64 = 1.08;
/// A one-word line ("Introduction", "Comments") must recur on this many
/// times `min_share` of a site's pages: such headings recur in articles
/// too, while a site's one-word menu items are on nearly every page.
const ONE_WORD_SHARE: f32 = 5.0;
/// The key of a site's page counter (hashed with the site).
const PAGES_KEY: u64 = 0x5041_4745_535f_4b45;

/// The smallest memory: one bucket a shard.
const MIN_MEMORY_BYTES: usize = SHARDS * SLOTS * 8;

/// What a site memory knows about the blocks of one page: per block, on how
/// many of the site's pages its line was seen, and the site's page count.
#[derive(Debug, Default)]
pub(crate) struct Recurrence {
    /// Per block: `Some(count)` when the line is the site's boilerplate.
    pub counts: Vec<Option<u32>>,
    /// Pages seen of the site.
    pub pages: u32,
}

impl Recurrence {
    pub fn is_recurring(&self, i: usize) -> bool {
        self.counts.get(i).is_some_and(Option::is_some)
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// Key fingerprint, never 0 in a used slot.
    tag: u32,
    count: u32,
}

struct Shard {
    slots: Box<[Slot]>,
    /// Operations so far: varies the decay draws, deterministically.
    ops: u64,
}

/// Cross-page memory of a crawl: learns the lines that recur on many pages
/// of a site (menus, footers, promos, sign-up boxes) and lets a
/// [`Cleaner`](crate::Cleaner) drop them from that site's pages, including
/// the ones that look like body text to the single-page model.
///
/// Pages are keyed by *site*, any string the caller chooses (the host of the
/// page's URL is the usual one). A line counts as boilerplate of a site when
/// it was seen on at least [`min_pages`](SiteMemoryBuilder::min_pages) of
/// the site's pages *and* on at least
/// [`min_share`](SiteMemoryBuilder::min_share) of them (five times that
/// share for a one-word line), so a sentence that two pages happen to share
/// survives. Lines are compared after normalisation (case, punctuation,
/// spacing, and every run of digits counts as one digit: "© 2023" and
/// "© 2024" are the same line); lines without a letter (figures, dates)
/// are never the site's boilerplate.
///
/// **Bounded**: the memory is one table of fixed size, chosen at
/// construction (default [`DEFAULT_MEMORY_BYTES`](SiteMemory::DEFAULT_MEMORY_BYTES)),
/// that never grows, whatever the number of pages or sites. When it is full,
/// lines seen on few pages make way for lines seen on many; counts can only
/// be under-estimated, so a full memory forgets boilerplate rather than
/// inventing it.
///
/// **Thread-safe** (`Send + Sync`; share it by reference or in an `Arc`),
/// and **deterministic** for a given order of [`observe`](SiteMemory::observe)
/// calls: in a process, observing the same pages in the same order gives
/// the same table. Across processes the table's keys differ (they are
/// keyed with the process's hash seed, so that no page can aim its lines
/// at another site's keys); the counts are the same until buckets fill,
/// and what a full bucket drops may differ. Threads observing at once make
/// that order a race; to observe in parallel and stay deterministic,
/// prepare pages on the threads ([`Observation`]) and
/// [`observe_prepared`](SiteMemory::observe_prepared) them in page order.
///
/// Use it in two passes (observe every page of the crawl, then clean each
/// with [`Page::site`](crate::Page::site)),
/// or online (observe each page, then clean it: the memory improves as the
/// crawl goes on).
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, Page, SiteMemory};
///
/// let memory = SiteMemory::new();
/// let promo = "Our readers trust us to bring them the news that matters, every single day of the year.";
/// let bodies = [
///     "The council approved the new cycling lanes after a long debate on Tuesday evening.",
///     "The museum will reopen in May after two years of repairs, its director said on Friday.",
///     "Heavy rain closed the coastal road for the third time this winter, the police said.",
///     "The school board voted to extend the lunch break by ten minutes from next term.",
///     "A new bakery opened on the high street, the first in the village for twenty years.",
/// ];
/// let pages: Vec<String> = bodies.iter().map(|b| format!("{b}\n{promo}")).collect();
/// for page in &pages {
///     memory.observe("news.example", page);
/// }
/// let cleaner = Cleaner::new();
/// let out = cleaner.clean(Page::text(&pages[0]).site(&memory, "news.example"));
/// assert_eq!(out, bodies[0]);
/// // Another site's pages are not affected.
/// assert!(cleaner.clean(Page::text(&pages[0]).site(&memory, "other.example")).contains(promo));
/// ```
pub struct SiteMemory {
    shards: Box<[Mutex<Shard>]>,
    buckets_per_shard: usize,
    min_pages: u32,
    min_share: f32,
    /// `DECAY^-c` for small counts (larger counts never decay in practice).
    decay: Box<[u64]>,
}

impl std::fmt::Debug for SiteMemory {
    /// The settings, not the table (millions of slots).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteMemory")
            .field(
                "memory_bytes",
                &(self.shards.len() * self.buckets_per_shard * SLOTS * size_of::<Slot>()),
            )
            .field("min_pages", &self.min_pages)
            .field("min_share", &self.min_share)
            .finish_non_exhaustive()
    }
}

impl Default for SiteMemory {
    fn default() -> SiteMemory {
        SiteMemory::new()
    }
}

impl SiteMemory {
    /// The memory size [`SiteMemory::new`] uses: 16 MiB, room for about
    /// two million recurring (site, line) pairs.
    pub const DEFAULT_MEMORY_BYTES: usize = 16 << 20;

    /// An empty memory with the default settings: 16 MiB, a line is a
    /// site's boilerplate once seen on at least 4 of its pages and on at
    /// least 5 % of them.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// assert_eq!(memory.pages("example.com"), 0);
    /// ```
    pub fn new() -> SiteMemory {
        SiteMemoryBuilder::new()
            .build()
            .expect("default settings are valid")
    }

    /// A builder to configure a memory.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::builder()
    ///     .memory_bytes(64 << 20)
    ///     .min_pages(10)
    ///     .build()?;
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn builder() -> SiteMemoryBuilder {
        SiteMemoryBuilder::new()
    }

    /// Observes a page prepared with [`Observation::new`]: the same as
    /// [`SiteMemory::observe`] with the page, so that pages can be prepared
    /// on many threads and observed in a fixed order (the table depends on
    /// that order). [`SiteMemory::observe`] (in `page.rs`, beside
    /// [`Page`](crate::Page), which it takes) is the one-step form.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Observation, SiteMemory};
    ///
    /// let pages = ["Home\nFirst story.", "Home\nSecond story."];
    /// // Prepared in any order or in parallel ...
    /// let prepared: Vec<Observation> = pages.iter().map(|p| Observation::new("a.example", *p)).collect();
    /// // ... observed in page order.
    /// let memory = SiteMemory::new();
    /// for o in &prepared {
    ///     memory.observe_prepared(o);
    /// }
    /// assert_eq!(memory.count("a.example", "Home"), 2);
    /// ```
    pub fn observe_prepared(&self, page: &Observation) {
        for &key in &page.keys {
            self.add(key);
        }
    }

    /// How many pages of `site` were observed (an under-estimate once the
    /// memory is full and the site is small).
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// memory.observe("a.example", "One line.");
    /// memory.observe("a.example", "Another line.");
    /// assert_eq!(memory.pages("a.example"), 2);
    /// ```
    pub fn pages(&self, site: &str) -> u32 {
        self.get(mix(site_hash(site) ^ PAGES_KEY))
    }

    /// On how many observed pages of `site` the line was seen (0 for a line
    /// without words).
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// memory.observe("a.example", "© 2023 Example Ltd.");
    /// memory.observe("a.example", "© 2024 Example Ltd.");
    /// assert_eq!(memory.count("a.example", "© 2025 Example Ltd"), 2);
    /// ```
    pub fn count(&self, site: &str, line: &str) -> u32 {
        let mut norm = String::new();
        crate::segment::normalize_into(line, &mut norm);
        line_key(site_hash(site), &norm).map_or(0, |(k, _)| self.get(k))
    }

    /// Whether `line` is boilerplate of `site`: seen on at least
    /// `min_pages` of the site's pages and on at least `min_share` of them.
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// for i in 0..5 {
    ///     memory.observe("a.example", &format!("Subscribe to our newsletter\nStory number {i}."));
    /// }
    /// memory.observe("a.example", "A quote two pages share.");
    /// memory.observe("a.example", "A quote two pages share.");
    /// assert!(memory.is_boilerplate("a.example", "Subscribe to our newsletter"));
    /// // Runs of digits count as one: these five lines are one line.
    /// assert!(memory.is_boilerplate("a.example", "Story number 12."));
    /// assert!(!memory.is_boilerplate("a.example", "A quote two pages share."));
    /// ```
    pub fn is_boilerplate(&self, site: &str, line: &str) -> bool {
        let mut norm = String::new();
        crate::segment::normalize_into(line, &mut norm);
        line_key(site_hash(site), &norm)
            .is_some_and(|(k, one_word)| self.recurs(self.get(k), self.pages(site), one_word))
    }

    fn recurs(&self, count: u32, pages: u32, one_word: bool) -> bool {
        let pages = pages.max(count);
        let share = if one_word {
            (ONE_WORD_SHARE * self.min_share).min(1.0)
        } else {
            self.min_share
        };
        count >= self.min_pages && count as f32 >= share * pages as f32
    }

    /// Looks up every block of a segmented page.
    pub(crate) fn recurrence(&self, site: &str, seg: &Segmented) -> Recurrence {
        let site_h = site_hash(site);
        let pages = self.get(mix(site_h ^ PAGES_KEY));
        let counts = (0..seg.blocks.len())
            .map(|i| {
                let (key, one_word) = line_key(site_h, seg.norm_of(i))?;
                let count = self.get(key);
                self.recurs(count, pages, one_word).then_some(count)
            })
            .collect();
        Recurrence { counts, pages }
    }

    fn locate(&self, key: u64) -> (usize, usize, u32) {
        let tag = (key as u32).max(1);
        let bucket = (key >> 32) as usize % (self.shards.len() * self.buckets_per_shard);
        let shard = bucket % self.shards.len();
        let start = (bucket / self.shards.len()) * SLOTS;
        (shard, start, tag)
    }

    fn get(&self, key: u64) -> u32 {
        let (shard, start, tag) = self.locate(key);
        let shard = lock(&self.shards[shard]);
        shard.slots[start..start + SLOTS]
            .iter()
            .find(|s| s.tag == tag)
            .map_or(0, |s| s.count)
    }

    fn add(&self, key: u64) {
        let (shard, start, tag) = self.locate(key);
        let mut shard = lock(&self.shards[shard]);
        shard.ops = shard.ops.wrapping_add(1);
        let draw = mix(key ^ shard.ops.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let bucket = &mut shard.slots[start..start + SLOTS];
        if let Some(s) = bucket.iter_mut().find(|s| s.tag == tag) {
            s.count = s.count.saturating_add(1);
            return;
        }
        if let Some(s) = bucket.iter_mut().find(|s| s.tag == 0) {
            *s = Slot { tag, count: 1 };
            return;
        }
        let weakest = bucket
            .iter_mut()
            .min_by_key(|s| s.count)
            .expect("a bucket has slots");
        let threshold = self.decay.get(weakest.count as usize).copied().unwrap_or(0);
        if draw < threshold {
            weakest.count -= 1;
            if weakest.count == 0 {
                *weakest = Slot { tag, count: 1 };
            }
        }
    }
}

/// One page's lines, hashed for a [`SiteMemory`] but not yet observed (see
/// [`SiteMemory::observe_prepared`]). Preparing does the work of
/// [`SiteMemory::observe`] that needs no lock: splitting and normalising
/// the page (and, for HTML, parsing it).
///
/// # Example
///
/// ```
/// let o = dejunk::Observation::new("a.example", "Home\nA story.\nHome");
/// assert_eq!(o.lines(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Observation {
    /// The page's distinct line keys, then the site's page-counter key.
    keys: Vec<u64>,
}

impl Observation {
    /// The number of distinct lines (with a letter) of the page.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dejunk::Observation::new("a.example", "2024\n\n").lines(), 0);
    /// ```
    pub fn lines(&self) -> usize {
        self.keys.len() - 1
    }

    /// The keys of a segmented page of `site`.
    pub(crate) fn of(site: &str, seg: &Segmented) -> Observation {
        let site = site_hash(site);
        let mut keys: Vec<u64> = (0..seg.blocks.len())
            .filter_map(|i| line_key(site, seg.norm_of(i)).map(|(k, _)| k))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.push(mix(site ^ PAGES_KEY));
        Observation { keys }
    }
}

/// The builder of a [`SiteMemory`].
///
/// # Example
///
/// ```
/// let memory = dejunk::SiteMemory::builder().min_pages(3).min_share(0.2).build()?;
/// # Ok::<(), dejunk::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SiteMemoryBuilder {
    memory_bytes: usize,
    min_pages: u32,
    min_share: f32,
}

impl Default for SiteMemoryBuilder {
    fn default() -> SiteMemoryBuilder {
        SiteMemoryBuilder::new()
    }
}

impl SiteMemoryBuilder {
    /// The default settings (see [`SiteMemory::new`]).
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemoryBuilder::new().build()?;
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn new() -> SiteMemoryBuilder {
        SiteMemoryBuilder {
            memory_bytes: SiteMemory::DEFAULT_MEMORY_BYTES,
            min_pages: 4,
            min_share: 0.05,
        }
    }

    /// The size of the table in bytes (default 16 MiB; at least 4 KiB).
    /// Each slot takes 8 bytes and holds one (site, line) pair; size it at
    /// 8 bytes × the number of recurring lines of all sites that are in
    /// play at once (a crawl ordered by host needs far less than a shuffled
    /// one).
    ///
    /// # Example
    ///
    /// ```
    /// let err = dejunk::SiteMemory::builder().memory_bytes(100).build().unwrap_err();
    /// assert!(err.to_string().contains("memory"));
    /// ```
    pub fn memory_bytes(&mut self, bytes: usize) -> &mut SiteMemoryBuilder {
        self.memory_bytes = bytes;
        self
    }

    /// The least number of a site's pages a line must be seen on to be its
    /// boilerplate (default 4, at least 2).
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::builder().min_pages(2).build()?;
    /// memory.observe("a.example", "Sign up today");
    /// memory.observe("a.example", "Sign up today");
    /// assert!(memory.is_boilerplate("a.example", "Sign up today"));
    /// # Ok::<(), dejunk::Error>(())
    /// ```
    pub fn min_pages(&mut self, pages: u32) -> &mut SiteMemoryBuilder {
        self.min_pages = pages;
        self
    }

    /// The least share of a site's pages a line must be seen on to be its
    /// boilerplate, in `0..=1` (default 0.05).
    ///
    /// # Example
    ///
    /// ```
    /// let err = dejunk::SiteMemory::builder().min_share(2.0).build().unwrap_err();
    /// assert!(err.to_string().contains("min_share"));
    /// ```
    pub fn min_share(&mut self, share: f32) -> &mut SiteMemoryBuilder {
        self.min_share = share;
        self
    }

    /// Builds an empty memory, allocating its table.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidMemory`](crate::ErrorKind::InvalidMemory) when
    /// the size is under 4 KiB or more than the machine can allocate, the page minimum under 2 or the
    /// share outside `0..=1`.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dejunk::SiteMemory::builder().min_pages(1).build().unwrap_err();
    /// assert_eq!(err.kind(), dejunk::ErrorKind::InvalidMemory);
    /// ```
    pub fn build(&self) -> Result<SiteMemory, Error> {
        let invalid = |message: String| Err(Error::memory(message));
        if self.memory_bytes < MIN_MEMORY_BYTES {
            return invalid(format!(
                "memory_bytes must be at least {MIN_MEMORY_BYTES}, got {}",
                self.memory_bytes
            ));
        }
        if self.min_pages < 2 {
            return invalid(format!(
                "min_pages must be at least 2, got {}",
                self.min_pages
            ));
        }
        if !(0.0..=1.0).contains(&self.min_share) {
            return invalid(format!(
                "min_share must be a number in 0..=1, got {}",
                self.min_share
            ));
        }
        let buckets_per_shard = self.memory_bytes / (SHARDS * SLOTS * size_of::<Slot>());
        let mut shards = Vec::with_capacity(SHARDS);
        for _ in 0..SHARDS {
            // Reserved before it is filled: a size the machine cannot give
            // is an error, not an aborted process.
            let mut slots = Vec::new();
            if slots.try_reserve_exact(buckets_per_shard * SLOTS).is_err() {
                return invalid(format!(
                    "memory_bytes: cannot allocate {} bytes",
                    self.memory_bytes
                ));
            }
            slots.resize(buckets_per_shard * SLOTS, Slot::default());
            shards.push(Mutex::new(Shard {
                slots: slots.into_boxed_slice(),
                ops: 0,
            }));
        }
        // P(decay) = DECAY^-c as a threshold on a uniform u64 draw; past
        // c = 600 the probability is under 1e-20 and taken as zero.
        let decay = (0..600)
            .map(|c| (DECAY.powi(-c) * u64::MAX as f64) as u64)
            .collect();
        Ok(SiteMemory {
            shards: shards.into_boxed_slice(),
            buckets_per_shard,
            min_pages: self.min_pages,
            min_share: self.min_share,
            decay,
        })
    }
}

/// Locks a shard; a poisoned lock (a panic elsewhere while holding it) still
/// holds a consistent table, as every update is a single slot write.
fn lock(m: &Mutex<Shard>) -> std::sync::MutexGuard<'_, Shard> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A site's key. Keys of the memory are keyed with this process's seed
/// (`hash::keyed_hash`): a page's lines are chosen by whoever wrote the
/// page, and with a fixed hash one site's lines could be crafted to land
/// on another site's keys (its boilerplate, its page count).
fn site_hash(site: &str) -> u64 {
    keyed_hash(site.as_bytes())
}

/// The key of a normalised line of a site, and whether the line is a
/// single word: `None` for a line without a letter (numbers, dates and
/// table rows of figures look alike once digits are folded). Every run of
/// ASCII digits hashes as one `0`.
fn line_key(site: u64, norm: &str) -> Option<(u64, bool)> {
    let norm = norm.trim();
    if !norm.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut folded = Vec::with_capacity(norm.len());
    let mut last_digit = false;
    for &b in norm.as_bytes() {
        let digit = b.is_ascii_digit();
        if !(digit && last_digit) {
            folded.push(if digit { b'0' } else { b });
        }
        last_digit = digit;
    }
    let one_word = !norm.contains(' ');
    Some((mix(keyed_hash(&folded) ^ site.rotate_left(29)), one_word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys are the process's (keyed), not the fixed hash a page's
    /// author could search for collisions with another site's keys.
    #[test]
    fn keys_are_keyed() {
        let fixed = crate::hash::hash_bytes(b"victim.example");
        assert_ne!(site_hash("victim.example"), fixed);
        let (key, _) = line_key(fixed, "subscribe to our newsletter").unwrap();
        let unkeyed =
            mix(crate::hash::hash_bytes(b"subscribe to our newsletter") ^ fixed.rotate_left(29));
        assert_ne!(key, unkeyed);
    }

    /// `n` spelled in letters (digits would all fold to one).
    fn letters(mut n: usize) -> String {
        let mut s = String::new();
        loop {
            s.push((b'a' + (n % 26) as u8) as char);
            n /= 26;
            if n == 0 {
                return s;
            }
        }
    }

    #[test]
    fn heavy_lines_survive_a_flood_of_one_off_lines() {
        let memory = SiteMemory::builder()
            .memory_bytes(MIN_MEMORY_BYTES)
            .build()
            .unwrap();
        for p in 0..2000 {
            let page = format!("Site menu line\nA one-off line {} of the crawl", letters(p));
            // Many sites, so the one-off lines hit every bucket.
            memory.observe(&format!("site{}", p % 50), &page);
            memory.observe("main", &page);
        }
        assert!(memory.count("main", "Site menu line") >= 1900);
        assert!(memory.is_boilerplate("main", "Site menu line"));
        assert!(
            memory.count(
                "main",
                &format!("A one-off line {} of the crawl", letters(5))
            ) <= 1
        );
    }

    #[test]
    fn debug_shows_the_settings_not_the_table() {
        let d = format!("{:?}", SiteMemory::new());
        assert_eq!(
            d,
            "SiteMemory { memory_bytes: 16777216, min_pages: 4, min_share: 0.05, .. }"
        );
    }

    #[test]
    fn same_order_same_table() {
        let a = SiteMemory::builder()
            .memory_bytes(MIN_MEMORY_BYTES)
            .build()
            .unwrap();
        let b = SiteMemory::builder()
            .memory_bytes(MIN_MEMORY_BYTES)
            .build()
            .unwrap();
        for m in [&a, &b] {
            for p in 0..3000 {
                m.observe(
                    &format!("s{}", p % 7),
                    &format!("line {}\nfooter of {}", letters(p), p % 7),
                );
            }
        }
        for s in 0..7 {
            let site = format!("s{s}");
            assert_eq!(a.pages(&site), b.pages(&site));
            assert_eq!(
                a.count(&site, &format!("footer of {s}")),
                b.count(&site, &format!("footer of {s}"))
            );
        }
    }
}
