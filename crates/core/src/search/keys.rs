//! Search keys, each with the set of letters and digits it holds. A key matches a query (by its
//! words or fuzzily) only if it holds every letter and digit of the query, so a scan compares
//! two numbers first and reads only the keys that pass: for `garcia` about one key in thirty.

/// The letters and digits of a folded text, one bit each (other characters are left out: a
/// query's spaces and punctuation are not needed for a match by its words).
pub fn letters(folded: &str) -> u64 {
    folded.bytes().fold(0, |set, b| {
        set | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            _ => 0,
        }
    })
}

/// One search key as it is added: its own text, a person's key (whose first `name` bytes, the
/// name and a space, are the key of every record naming that person; 0 for none), or the name
/// part of key `at`, which is a person's. The records naming a person share that person's text
/// instead of each holding a copy: at a million records, 200,000 intakes' keys cost nothing to
/// build and take no memory of their own. A reference is a position: keys are inserted or
/// removed only after the people's (Ctrl-K's index keeps them first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Text(String),
    Person { key: String, name: usize },
    NameOf(u32),
}

impl From<String> for Key {
    fn from(key: String) -> Key {
        Key::Text(key)
    }
}

/// A key as kept: the text boxed (no spare capacity), or where to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kept {
    Text(Box<str>),
    Person { key: Box<str>, name: u32 },
    NameOf(u32),
}

/// Folded search keys in order, each with its [`letters`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keys {
    text: Vec<Kept>,
    letters: Vec<u64>,
}

impl Keys {
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        Some(match self.text.get(i)? {
            Kept::Text(key) | Kept::Person { key, .. } => key,
            Kept::NameOf(at) => self.name(*at as usize)?,
        })
    }

    /// The name part (the name and a space) of key `at`, if it is a person's.
    pub fn name(&self, at: usize) -> Option<&str> {
        match self.text.get(at)? {
            Kept::Person { key, name } => key.get(..*name as usize).filter(|n| !n.is_empty()),
            _ => None,
        }
    }

    /// Key `i` if it holds every letter and digit in `wanted`.
    pub fn holding(&self, i: usize, wanted: u64) -> Option<&str> {
        let have = *self.letters.get(i)?;
        if have & wanted == wanted {
            self.get(i)
        } else {
            None
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// The key as kept, and its letters (a reference to a key that is not a person's, which
    /// `Key::NameOf` must not be given, reads as empty).
    fn keep(&self, key: Key) -> (Kept, u64) {
        let kept = match key {
            Key::Text(key) => Kept::Text(key.into_boxed_str()),
            Key::Person { key, name } => {
                let name = if key.is_char_boundary(name) { name } else { 0 };
                Kept::Person {
                    key: key.into_boxed_str(),
                    name: name as u32,
                }
            }
            Key::NameOf(at) => Kept::NameOf(at),
        };
        let text = match &kept {
            Kept::Text(key) | Kept::Person { key, .. } => key,
            Kept::NameOf(at) => self.name(*at as usize).unwrap_or_default(),
        };
        let set = letters(text);
        (kept, set)
    }

    pub fn push(&mut self, key: impl Into<Key>) {
        let (kept, set) = self.keep(key.into());
        self.letters.push(set);
        self.text.push(kept);
    }

    pub fn insert(&mut self, i: usize, key: impl Into<Key>) {
        let (kept, set) = self.keep(key.into());
        self.letters.insert(i, set);
        self.text.insert(i, kept);
    }

    pub fn set(&mut self, i: usize, key: impl Into<Key>) {
        let (kept, set) = self.keep(key.into());
        self.letters[i] = set;
        self.text[i] = kept;
    }

    pub fn remove(&mut self, i: usize) {
        self.letters.remove(i);
        self.text.remove(i);
    }

    pub fn truncate(&mut self, len: usize) {
        self.letters.truncate(len);
        self.text.truncate(len);
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    pub fn reserve_exact(&mut self, more: usize) {
        self.letters.reserve_exact(more);
        self.text.reserve_exact(more);
    }
}

impl FromIterator<String> for Keys {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut keys = Keys::default();
        for key in iter {
            keys.push(key);
        }
        keys
    }
}

impl Extend<String> for Keys {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        for key in iter {
            self.push(key);
        }
    }
}
