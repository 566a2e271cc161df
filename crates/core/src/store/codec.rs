//! The record format: a small versioned envelope around serde + bincode. The only module that names
//! bincode, so the codec could be swapped.
//!
//! Layout: `b"PW"`, one version byte, then the bincode body (standard config, little endian
//! varints). A record written by an older build carries its older version byte; `Record::upgrade`
//! turns it into today's struct, so adding a field never breaks an existing database.

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
    fn trailing_bytes_are_refused() {
        let mut bytes = encode(&7u32, 1).unwrap();
        bytes.push(0);
        let (_, body) = open_envelope(&bytes).unwrap();
        assert!(matches!(decode_body::<u32>(body), Err(CodecError::Body(_))));
    }
}
