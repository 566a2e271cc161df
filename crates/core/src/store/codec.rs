//! The record format: a small versioned envelope around serde + bincode. The only module that names
//! bincode, so the codec could be swapped.
//!
//! Layout: `b"PW"`, one version byte, then the bincode body (standard config, little endian
//! varints). A record written by an older build carries its older version byte; `Record::upgrade`
//! turns it into today's struct, so adding a field never breaks an existing database.
//!
//! In the file each record is sealed (`seal`): `b"PX"`, a CRC-32 of the table's name, the key and
//! the envelope, then the envelope. Every read checks it (`unseal`), so a damaged record, or one
//! read from the wrong place, is never served, without verifying the whole file first. Records
//! written by earlier builds are the bare envelope (`PW…`): they read as before, and the store
//! verifies the whole file before it trusts one (see `Unsealed::Unchecked`).

use serde::{Serialize, de::DeserializeOwned};

const MAGIC: &[u8; 2] = b"PW";
/// Guards against garbage claiming a huge length: no record is anywhere near this.
const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<MAX_RECORD_BYTES>()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("not a pathways record (bad header)")]
    BadHeader,
    #[error("record version {found} is newer than this build understands (up to {known}); update pathways")]
    TooNew { found: u8, known: u8 },
    #[error("record version {0} cannot be upgraded")]
    UnknownVersion(u8),
    #[error("record body does not decode: {0}")]
    Body(String),
    #[error("record cannot be encoded: {0}")]
    Encode(String),
}

const SEALED: &[u8; 2] = b"PX";
/// The seal's length: its magic and the checksum.
const SEAL_BYTES: usize = 2 + 4;

fn checksum(table: &str, key: u64, envelope: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(table.as_bytes());
    h.update(&[0]);
    h.update(&key.to_le_bytes());
    h.update(envelope);
    h.finalize()
}

/// The bytes stored for record `key` of `table`: its envelope with a checksum of where it lives.
pub fn seal(table: &str, key: u64, envelope: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(SEAL_BYTES + envelope.len());
    out.extend_from_slice(SEALED);
    out.extend_from_slice(&checksum(table, key, envelope).to_le_bytes());
    out.extend_from_slice(envelope);
    out
}

/// A stored record's envelope, and whether its checksum vouched for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsealed<'a> {
    /// Sealed by this build: the bytes are what was written there.
    Checked(&'a [u8]),
    /// Written by an earlier build, with no checksum of its own: only a verification of the
    /// whole file vouches for it.
    Unchecked(&'a [u8]),
}

impl<'a> Unsealed<'a> {
    pub fn envelope(self) -> &'a [u8] {
        match self {
            Unsealed::Checked(b) | Unsealed::Unchecked(b) => b,
        }
    }
}

/// A sealed record whose checksum does not match: the file is damaged there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("its checksum does not match (the file is damaged there)")]
pub struct BrokenSeal;

/// The envelope inside stored bytes: checked against its checksum if sealed.
pub fn unseal<'a>(table: &str, key: u64, stored: &'a [u8]) -> Result<Unsealed<'a>, BrokenSeal> {
    if stored.len() >= SEAL_BYTES && &stored[..2] == SEALED {
        let (sum, envelope) = stored[2..].split_at(4);
        let sum = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
        return if checksum(table, key, envelope) == sum {
            Ok(Unsealed::Checked(envelope))
        } else {
            Err(BrokenSeal)
        };
    }
    Ok(Unsealed::Unchecked(stored))
}

/// Encodes `value` as version `version`.
pub fn encode<T: Serialize>(value: &T, version: u8) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(MAGIC);
    out.push(version);
    let body =
        bincode::serde::encode_to_vec(value, config()).map_err(|e| CodecError::Encode(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Splits the envelope: (version, body). Never panics, whatever the bytes.
pub fn open_envelope(bytes: &[u8]) -> Result<(u8, &[u8]), CodecError> {
    if bytes.len() < 3 || &bytes[..2] != MAGIC {
        return Err(CodecError::BadHeader);
    }
    Ok((bytes[2], &bytes[3..]))
}

/// Decodes a body written with `T`'s layout; the whole body must be used.
pub fn decode_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, CodecError> {
    let (value, used) = bincode::serde::decode_from_slice::<T, _>(body, config())
        .map_err(|e| CodecError::Body(e.to_string()))?;
    if used != body.len() {
        return Err(CodecError::Body(format!(
            "{} unexpected trailing bytes",
            body.len() - used
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_never_panics() {
        assert_eq!(open_envelope(b""), Err(CodecError::BadHeader));
        assert_eq!(open_envelope(b"XX\x01abc"), Err(CodecError::BadHeader));
        let (v, body) = open_envelope(b"PW\x01\xff\xff\xff\xff\xff").unwrap();
        assert_eq!(v, 1);
        assert!(decode_body::<(String, u64)>(body).is_err());
    }

    #[test]
    fn a_seal_checks_the_bytes_the_table_and_the_key() {
        let envelope = encode(&"Ana García", 1).unwrap();
        let sealed = seal("employees", 7, &envelope);
        assert_eq!(
            unseal("employees", 7, &sealed),
            Ok(Unsealed::Checked(&envelope[..]))
        );
        assert_eq!(unseal("employees", 8, &sealed), Err(BrokenSeal), "another key");
        assert_eq!(unseal("intakes", 7, &sealed), Err(BrokenSeal), "another table");
        for at in 0..sealed.len() {
            let mut flipped = sealed.clone();
            flipped[at] ^= 0x10;
            assert_ne!(
                unseal("employees", 7, &flipped).map(Unsealed::envelope),
                Ok(&envelope[..]),
                "a flipped byte at {at} is never read as the record"
            );
        }
        // An earlier build's record is its bare envelope.
        assert_eq!(
            unseal("employees", 7, &envelope),
            Ok(Unsealed::Unchecked(&envelope[..]))
        );
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = encode(&7u32, 1).unwrap();
        bytes.push(0);
        let (_, body) = open_envelope(&bytes).unwrap();
        assert!(matches!(decode_body::<u32>(body), Err(CodecError::Body(_))));
    }
}
