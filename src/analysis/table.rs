//! Fixed-size records sorted by a 64-bit key, read in place: the layout of the word-order
//! models' count tables. An embedded table costs nothing to load but one pass over its keys to
//! index its buckets, and a lookup reads the few records of one bucket.
//!
//! Keys must be spread evenly over all 64 bits (hashes, or [`spread`] of a packed key): the
//! bucket of a key is its top bits.

use std::borrow::Cow;

/// Bytes of a record's key, at its start.
const KEY: usize = 8;

/// Records of `record` bytes (a little-endian `u64` key, then the value), sorted by key.
#[derive(Debug, Clone)]
pub struct SortedTable {
    data: Cow<'static, [u8]>,
    record: usize,
    /// `index[b]` is the first record whose key has `b` as its top `bucket_bits` bits, so a
    /// lookup searches only the records of one bucket (about four on average).
    index: Vec<u32>,
    bucket_bits: u32,
}

/// A bijective mix of a packed key (the finaliser of splitmix64): distinct keys stay distinct,
/// and every bit of the result depends on every bit of the key.
pub fn spread(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn key_at(b: &[u8], p: usize) -> u64 {
    b.get(p..p + KEY).map_or(0, |s| {
        u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
    })
}

impl SortedTable {
    /// Reads records (as [`SortedTable::build`] lays them out) and indexes their buckets: one
    /// pass over the keys. A trailing partial record is ignored.
    pub fn new(data: Cow<'static, [u8]>, record: usize) -> SortedTable {
        let record = record.max(KEY);
        let n = data.len() / record;
        // About four records per bucket; at least one bucket bit so the shift stays < 64.
        let bucket_bits = (n / 4)
            .max(2)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(1, 24);
        let buckets = 1usize << bucket_bits;
        let mut index = vec![0u32; buckets + 1];
        let mut b = 0;
        for i in 0..n {
            let key_bucket = (key_at(&data, i * record) >> (64 - bucket_bits)) as usize;
            while b <= key_bucket {
                index[b] = i as u32;
                b += 1;
            }
        }
        while b <= buckets {
            index[b] = n as u32;
            b += 1;
        }
        SortedTable {
            data,
            record,
            index,
            bucket_bits,
        }
    }

    /// Lays out `(key, value)` records, `value` of `record - 8` bytes, sorted by key.
    pub fn build(mut entries: Vec<(u64, Vec<u8>)>, record: usize) -> SortedTable {
        entries.sort_unstable();
        let mut data = Vec::with_capacity(entries.len() * record);
        for (k, v) in entries {
            debug_assert_eq!(v.len() + KEY, record);
            data.extend_from_slice(&k.to_le_bytes());
            data.extend_from_slice(&v);
        }
        SortedTable::new(Cow::Owned(data), record)
    }

    /// Whether records of `record` bytes have strictly increasing keys, as a table needs:
    /// checked when a model file is read.
    pub fn is_sorted(data: &[u8], record: usize) -> bool {
        let record = record.max(KEY);
        let n = data.len() / record;
        (1..n).all(|i| key_at(data, (i - 1) * record) < key_at(data, i * record))
    }

    pub fn len(&self) -> usize {
        self.data.len() / self.record
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records, as written to a model file.
    pub fn bytes(&self) -> &[u8] {
        &self.data
    }

    fn bucket(&self, key: u64) -> usize {
        (key >> (64 - self.bucket_bits)) as usize
    }

    /// The value bytes of `key`'s record, if the table has it.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[u8]> {
        let b = self.bucket(key);
        let (&lo, &hi) = (self.index.get(b)?, self.index.get(b + 1)?);
        for i in lo as usize..hi as usize {
            let at = i * self.record;
            let k = key_at(&self.data, at);
            if k >= key {
                return (k == key).then(|| &self.data[at + KEY..at + self.record]);
            }
        }
        None
    }

    pub fn contains(&self, key: u64) -> bool {
        self.get(key).is_some()
    }

    /// Starts loading the bucket index entry of `key` (the first of a lookup's two reads).
    #[inline]
    pub fn prefetch_index(&self, key: u64) {
        if let Some(lo) = self.index.get(self.bucket(key)) {
            crate::tag::model::prefetch(lo);
        }
    }

    /// Starts loading the first record of `key`'s bucket (the second read; after
    /// [`Self::prefetch_index`], the index entry is at hand).
    #[inline]
    pub fn prefetch_records(&self, key: u64) {
        if let Some(&lo) = self.index.get(self.bucket(key))
            && let Some(r) = self.data.get(lo as usize * self.record)
        {
            crate::tag::model::prefetch(r);
        }
    }
}

/// How many lookups ahead [`pipelined`] starts each of a lookup's two reads.
const AHEAD_INDEX: usize = 12;
const AHEAD_RECORDS: usize = 6;

/// Runs `n` table lookups so their memory reads overlap: while lookup `i` is done (`look`),
/// the records of lookup `i + 6` and the index entry of lookup `i + 12` are on their way
/// (`records`, `index`: the two prefetches of [`SortedTable`]). A lookup mostly waits for
/// memory; started this way, the waits of a dozen run at once. Results come in order.
#[inline]
pub fn pipelined(
    n: usize,
    mut index: impl FnMut(usize),
    mut records: impl FnMut(usize),
    mut look: impl FnMut(usize),
) {
    for i in 0..n.min(AHEAD_INDEX) {
        index(i);
    }
    for i in 0..n.min(AHEAD_RECORDS) {
        records(i);
    }
    for i in 0..n {
        if i + AHEAD_INDEX < n {
            index(i + AHEAD_INDEX);
        }
        if i + AHEAD_RECORDS < n {
            records(i + AHEAD_RECORDS);
        }
        look(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_it_was_built_with_and_no_other() {
        let entries: Vec<(u64, Vec<u8>)> = (0..1000u64)
            .map(|i| (spread(i * 3), (i as u32).to_le_bytes().to_vec()))
            .collect();
        let t = SortedTable::build(entries, 12);
        assert_eq!(t.len(), 1000);
        for i in 0..1000u64 {
            assert_eq!(
                t.get(spread(i * 3)),
                Some(&(i as u32).to_le_bytes()[..]),
                "{i}"
            );
            assert!(!t.contains(spread(i * 3 + 1)));
        }
        assert!(SortedTable::is_sorted(t.bytes(), 12));
        let again = SortedTable::new(Cow::Owned(t.bytes().to_vec()), 12);
        assert_eq!(again.get(spread(42 * 3)), Some(&42u32.to_le_bytes()[..]));
    }

    #[test]
    fn an_empty_or_damaged_table_finds_nothing() {
        let t = SortedTable::new(Cow::Borrowed(&[]), 12);
        assert!(t.is_empty() && t.get(0).is_none() && t.get(u64::MAX).is_none());
        assert!(!SortedTable::is_sorted(&[1; 24], 12));
        let t = SortedTable::new(Cow::Owned(vec![7; 17]), 12);
        assert_eq!(t.len(), 1);
        assert!(t.get(spread(1)).is_none());
    }
}
