//! A private, writable view of a database file whose writes stay in memory: redb can verify
//! (and, in memory, repair) a file through it while the file itself is only ever read.
//!
//! redb's integrity check and the open that verifies every page both need a writable database:
//! they rebuild the allocator state and commit it. Run on this view, they leave the file
//! byte-identical, so `check`, `backup` and the lookups can verify without writing.

use std::collections::HashMap;
use std::fs::File;
use std::sync::Mutex;

/// The unit of copy-on-write; redb's page size, so a page written is one block.
const BLOCK: u64 = 4096;

#[derive(Debug)]
pub(super) struct PrivateView {
    file: File,
    state: Mutex<ViewState>,
}

#[derive(Debug)]
struct ViewState {
    /// The length redb sees.
    len: u64,
    /// Bytes of the file at or past this offset read as zeros (the view was shrunk there).
    file_len: u64,
    /// Blocks written through the view, by block number.
    written: HashMap<u64, Box<[u8]>>,
}

impl PrivateView {
    /// A view of `file` as it is now. The file's first block (redb's header, which every commit
    /// rewrites) is copied at once, so the view keeps showing the commit it started from while
    /// other processes go on saving; the caller keeps that commit's pages from being reused by
    /// holding a read transaction from before this call until it is done with the view.
    pub(super) fn new(file: File) -> std::io::Result<Self> {
        let len = file.metadata()?.len();
        let first = BLOCK.min(len) as usize;
        let mut header = vec![0u8; BLOCK as usize];
        // Read until two reads agree, so a header being rewritten is never taken half-written.
        let mut again = vec![0u8; BLOCK as usize];
        read_at(&file, &mut header[..first], 0)?;
        for _ in 0..100 {
            read_at(&file, &mut again[..first], 0)?;
            if again == header {
                break;
            }
            std::mem::swap(&mut header, &mut again);
        }
        Ok(PrivateView {
            file,
            state: Mutex::new(ViewState {
                len,
                file_len: len,
                written: HashMap::from([(0, header.into_boxed_slice())]),
            }),
        })
    }

    /// The header this view shows (the file's first block as it was when the view was made).
    pub(super) fn header(&self) -> std::io::Result<Vec<u8>> {
        let state = self.state()?;
        let mut out = vec![0u8; BLOCK as usize];
        self.read_block(&state, 0, &mut out)?;
        Ok(out)
    }

    /// Whether the file's header is still `header`: false once another process has committed
    /// since (every commit rewrites it).
    pub(super) fn unchanged_since(file: &File, header: &[u8]) -> bool {
        let mut now = vec![0u8; header.len()];
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let first = (header.len() as u64).min(len) as usize;
        read_at(file, &mut now[..first], 0).is_ok() && now == header
    }

    fn state(&self) -> std::io::Result<std::sync::MutexGuard<'_, ViewState>> {
        self.state
            .lock()
            .map_err(|_| std::io::Error::other("the private view's lock is poisoned"))
    }

    /// One block as the view holds it: written, from the file, or zeros past the file.
    fn read_block(&self, state: &ViewState, block: u64, out: &mut [u8]) -> std::io::Result<()> {
        if let Some(bytes) = state.written.get(&block) {
            out.copy_from_slice(bytes);
            return Ok(());
        }
        out.fill(0);
        let start = block * BLOCK;
        if start < state.file_len {
            let n = (state.file_len - start).min(BLOCK) as usize;
            read_at(&self.file, &mut out[..n], start)?;
        }
        Ok(())
    }
}

#[cfg(unix)]
fn read_at(file: &File, out: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, out, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut out: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !out.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, out, offset)? {
            0 => return Err(out_of_range()),
            n => {
                out = &mut out[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

fn out_of_range() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "read past the end of the view")
}

impl redb::StorageBackend for PrivateView {
    fn len(&self) -> std::io::Result<u64> {
        Ok(self.state()?.len)
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> std::io::Result<()> {
        let state = self.state()?;
        let end = offset.checked_add(out.len() as u64).ok_or_else(out_of_range)?;
        if end > state.len {
            return Err(out_of_range());
        }
        // Fast path: nothing written in the range and all of it inside the file.
        let (first, last) = (offset / BLOCK, end.saturating_sub(1) / BLOCK);
        if end <= state.file_len && (first..=last).all(|b| !state.written.contains_key(&b)) {
            return read_at(&self.file, out, offset);
        }
        let mut block_bytes = vec![0u8; BLOCK as usize];
        let mut at = offset;
        let mut filled = 0;
        while filled < out.len() {
            let block = at / BLOCK;
            let within = (at % BLOCK) as usize;
            let n = (BLOCK as usize - within).min(out.len() - filled);
            self.read_block(&state, block, &mut block_bytes)?;
            out[filled..filled + n].copy_from_slice(&block_bytes[within..within + n]);
            filled += n;
            at += n as u64;
        }
        Ok(())
    }

    fn set_len(&self, len: u64) -> std::io::Result<()> {
        let mut state = self.state()?;
        if len < state.len {
            // Whatever lies past the new end reads as zeros if the view grows again.
            state.file_len = state.file_len.min(len);
            let keep_to = len.div_ceil(BLOCK);
            state.written.retain(|b, _| *b < keep_to);
            if !len.is_multiple_of(BLOCK)
                && let Some(bytes) = state.written.get_mut(&(len / BLOCK))
            {
                bytes[(len % BLOCK) as usize..].fill(0);
            }
        }
        state.len = len;
        Ok(())
    }

    fn sync_data(&self) -> std::io::Result<()> {
        Ok(())
    }

    fn write(&self, offset: u64, data: &[u8]) -> std::io::Result<()> {
        let mut state = self.state()?;
        let mut at = offset;
        let mut taken = 0;
        while taken < data.len() {
            let block = at / BLOCK;
            let within = (at % BLOCK) as usize;
            let n = (BLOCK as usize - within).min(data.len() - taken);
            if !state.written.contains_key(&block) {
                let mut bytes = vec![0u8; BLOCK as usize];
                self.read_block(&state, block, &mut bytes)?;
                state.written.insert(block, bytes.into_boxed_slice());
            }
            if let Some(bytes) = state.written.get_mut(&block) {
                bytes[within..within + n].copy_from_slice(&data[taken..taken + n]);
            }
            taken += n;
            at += n as u64;
        }
        state.len = state.len.max(offset + data.len() as u64);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use redb::StorageBackend;

    #[test]
    fn writes_stay_in_memory_and_reads_see_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, vec![7u8; 10_000]).unwrap();
        let view = PrivateView::new(File::open(&path).unwrap()).unwrap();
        view.write(4090, &[1u8; 20]).unwrap();
        let mut out = vec![0u8; 30];
        view.read(4085, &mut out).unwrap();
        assert_eq!(&out[..5], &[7u8; 5]);
        assert_eq!(&out[5..25], &[1u8; 20]);
        assert_eq!(&out[25..], &[7u8; 5]);
        view.set_len(5000).unwrap();
        view.set_len(12_000).unwrap();
        let mut tail = vec![9u8; 100];
        view.read(4990, &mut tail).unwrap();
        assert_eq!(&tail[..10], &[7u8; 10]);
        assert!(tail[10..].iter().all(|b| *b == 0), "grown space reads as zeros");
        assert!(view.read(11_990, &mut [0u8; 20]).is_err());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            vec![7u8; 10_000],
            "the file is untouched"
        );
    }
}
