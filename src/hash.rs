//! Hashing for in-page tables: a fast 64-bit byte hash and a fixed-size
//! open-addressing map from 64-bit hashes to block indices.
//!
//! Page content keys these tables, so where a key lands is seeded per
//! process ([`seed`], from the standard library's random hasher keys): lines
//! crafted to collide in one slot (a hash flood, quadratic probing) cannot
//! be written without the seed. The keys of the in-page tables of repeats
//! and duplicates are seeded too ([`keyed_hash`]), so that different texts
//! cannot be crafted to share a key either. Only placement depends on the
//! seed: every lookup compares whole keys (and the callers compare texts),
//! so the results, and the output, are the same in every process.

use std::hash::BuildHasher;
use std::sync::OnceLock;

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// This process's random seed for in-page tables.
pub(crate) fn seed() -> u64 {
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(K))
}

/// Mixes a 64-bit value so that every input bit reaches the high bits.
#[inline]
pub(crate) fn mix(x: u64) -> u64 {
    let x = (x ^ (x >> 32)).wrapping_mul(K);
    x ^ (x >> 29)
}

/// Hashes bytes eight at a time (the same in every process: for model
/// files, and for keys only compared within a page).
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    hash_from((b.len() as u64).wrapping_mul(K), b)
}

/// Like [`hash_bytes`], from this process's [`seed`]: for keys of in-page
/// tables that page text could otherwise be crafted to collide in.
#[inline]
pub(crate) fn keyed_hash(b: &[u8]) -> u64 {
    hash_from((b.len() as u64).wrapping_mul(K) ^ seed(), b)
}

#[inline]
fn hash_from(start: u64, b: &[u8]) -> u64 {
    let mut h = start;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h ^ w).wrapping_mul(K).rotate_left(23);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The last bytes, little-endian, zero-padded (a loop of at most 7
        // steps: most words are shorter than 8 bytes, and a copy of a
        // variable length would call `memcpy`).
        let w = rest
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b));
        h = (h ^ w).wrapping_mul(K).rotate_left(23);
    }
    mix(h)
}

/// A map from 64-bit hashes to `u32` values with room for a number of keys
/// fixed at creation (linear probing, never resized). Key 0 is stored as 1.
#[derive(Debug)]
pub(crate) struct HashIndex {
    /// (key, value) side by side: a lookup reads one cache line.
    slots: Vec<(u64, u32)>,
    mask: usize,
    len: usize,
    /// Where keys land: this process's seed.
    seed: u64,
}

impl HashIndex {
    /// A map for at most `n` keys.
    pub(crate) fn with_room(n: usize) -> HashIndex {
        let cap = (2 * n).next_power_of_two().max(16);
        HashIndex {
            slots: vec![(0, 0); cap],
            mask: cap - 1,
            len: 0,
            seed: seed(),
        }
    }

    #[inline]
    fn find(&self, key: u64) -> (usize, bool) {
        let key = key.max(1);
        let mut i = (mix(key ^ self.seed) as usize) & self.mask;
        loop {
            match self.slots[i].0 {
                0 => return (i, false),
                k if k == key => return (i, true),
                _ => i = (i + 1) & self.mask,
            }
        }
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        match self.find(key) {
            (i, true) => Some(self.slots[i].1),
            _ => None,
        }
    }

    /// Sets `key` to `value` unless it is present; returns the value the
    /// key has afterwards.
    #[inline]
    pub(crate) fn get_or_insert(&mut self, key: u64, value: u32) -> u32 {
        let (i, found) = self.find(key);
        if found {
            return self.slots[i].1;
        }
        assert!(self.len < self.mask, "HashIndex sized for fewer keys");
        self.slots[i] = (key.max(1), value);
        self.len += 1;
        value
    }

    /// Sets `key` to `value`, or to the smaller of `value` and its value
    /// when present.
    #[inline]
    pub(crate) fn insert_min(&mut self, key: u64, value: u32) {
        let (i, found) = self.find(key);
        if found {
            self.slots[i].1 = self.slots[i].1.min(value);
            return;
        }
        assert!(self.len < self.mask, "HashIndex sized for fewer keys");
        self.len += 1;
        self.slots[i] = (key.max(1), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inverse of [`mix`].
    fn unmix(y: u64) -> u64 {
        let x1 = y ^ (y >> 29) ^ (y >> 58);
        // K's inverse modulo 2^64 (Newton's iteration).
        let mut inv = K;
        for _ in 0..6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(K.wrapping_mul(inv)));
        }
        let z = x1.wrapping_mul(inv);
        z ^ (z >> 32)
    }

    #[test]
    fn keys_crafted_for_one_slot_spread() {
        let n = 50_000;
        let mut m = HashIndex::with_room(n);
        // Keys that an unseeded table puts in slot 0: `mix(key) & mask == 0`.
        let keys: Vec<u64> = (1..=n as u64).map(|k| unmix(k << 32)).collect();
        assert!(keys.iter().all(|&k| mix(k) as usize & m.mask == 0));
        for (i, &k) in keys.iter().enumerate() {
            m.get_or_insert(k, i as u32);
        }
        // Each key's distance from where it landed first: about one slot
        // on average, not n / 2.
        let displaced: usize = (0..=m.mask)
            .filter(|&i| m.slots[i].0 != 0)
            .map(|i| i.wrapping_sub(mix(m.slots[i].0 ^ m.seed) as usize) & m.mask)
            .sum();
        assert!(
            displaced < 4 * n,
            "{displaced} slots of displacement for {n} keys"
        );
        assert_eq!(m.get(keys[777]), Some(777));
    }

    #[test]
    fn index_keeps_first_and_overwrites() {
        let mut m = HashIndex::with_room(100);
        for k in 0..100u64 {
            assert_eq!(m.get_or_insert(k * 7, k as u32), k as u32);
        }
        assert_eq!(m.get_or_insert(14, 99), 2);
        m.insert_min(14, 5);
        assert_eq!(m.get(14), Some(2));
        m.insert_min(14, 1);
        assert_eq!(m.get(14), Some(1));
        m.insert_min(1_000, 9);
        assert_eq!(m.get(1_000), Some(9));
        assert_eq!(m.get(1_000_000), None);
        assert_ne!(hash_bytes(b"read"), hash_bytes(b"also"));
        assert_ne!(hash_bytes(b"abcdefgh1"), hash_bytes(b"abcdefgh2"));
    }
}
