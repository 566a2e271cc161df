//! Any bytes as a stored record of every kind: a value or a CodecError, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    pathways_core::store::records::decode_every_kind(bytes);
});
