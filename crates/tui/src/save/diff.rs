//! A record's fields in words, read through serde (every record is `Serialize` for the store):
//! `fields` lists (name, value) of a struct's top-level fields, `differences` the ones where two
//! versions differ. Values read as a person would write them: text in quotes, a date as
//! 2026-11-18, an empty option as `none`, a list in brackets.

use serde::Serialize;
use serde::ser::{self, Impossible};
use std::fmt::{self, Display};

/// One field where their version and yours differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub field: &'static str,
    pub theirs: String,
    pub yours: String,
}

impl Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: theirs {}, yours {}", self.field, self.theirs, self.yours)
    }
}

/// The fields of `theirs` and `yours` that differ, in the struct's order.
pub fn differences<T: Serialize>(theirs: &T, yours: &T) -> Vec<Difference> {
    let yours = fields(yours);
    fields(theirs)
        .into_iter()
        .filter_map(|(field, theirs)| {
            let mine = yours
                .iter()
                .find(|(f, _)| *f == field)
                .map_or(String::new(), |(_, v)| v.clone());
            (theirs != mine).then_some(Difference {
                field,
                theirs,
                yours: mine,
            })
        })
        .collect()
}

/// A struct's top-level fields as (name, value in words); empty for anything but a struct.
pub fn fields<T: Serialize>(record: &T) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let _ = record.serialize(Fields(&mut out));
    out
}

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: Display>(msg: M) -> Self {
        Error(msg.to_string())
    }
}

/// Collects a struct's fields; anything else is not a record.
struct Fields<'a>(&'a mut Vec<(&'static str, String)>);

fn not_a_record<T>() -> Result<T, Error> {
    Err(Error("not a record".into()))
}

macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ok:ty;)+) => {$(
        fn $name(self, $(_: $arg),*) -> Result<$ok, Error> { not_a_record() }
    )+};
}

impl<'a> ser::Serializer for Fields<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        not_a_record()
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        not_a_record()
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.0.push((key, words(value)));
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// Any value in words.
fn words<T: ?Sized + Serialize>(value: &T) -> String {
    value.serialize(Words).unwrap_or_else(|e| e.0)
}

/// Writes one value as words.
struct Words;

/// The parts of a list, tuple, map or nested struct, joined when it ends.
struct Parts {
    /// A tuple struct's or variant's name before the bracket.
    name: &'static str,
    open: &'static str,
    close: &'static str,
    parts: Vec<String>,
}

impl Parts {
    fn new(name: &'static str, open: &'static str, close: &'static str) -> Self {
        Parts {
            name,
            open,
            close,
            parts: Vec::new(),
        }
    }

    fn done(self) -> Result<String, Error> {
        Ok(format!(
            "{}{}{}{}",
            self.name,
            self.open,
            self.parts.join(", "),
            self.close
        ))
    }
}

impl ser::Serializer for Words {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Parts;
    type SerializeTuple = Parts;
    type SerializeTupleStruct = Parts;
    type SerializeTupleVariant = Parts;
    type SerializeMap = Parts;
    type SerializeStruct = Parts;
    type SerializeStructVariant = Parts;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(if v { "yes" } else { "no" }.into())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f64(self, v: f64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(format!("{v:?}"))
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(format!("{v:?}"))
    }
    /// Values written through `Display` (dates, times) read as themselves, without quotes.
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<String, Error> {
        Ok(value.to_string())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<String, Error> {
        Ok(format!("{} bytes", v.len()))
    }
    fn serialize_none(self) -> Result<String, Error> {
        Ok("none".into())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Ok("()".into())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<String, Error> {
        Ok(name.into())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<String, Error> {
        Ok(variant.into())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        Ok(format!("{variant}({})", words(value)))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Parts, Error> {
        Ok(Parts::new("", "[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Parts, Error> {
        Ok(Parts::new("", "(", ")"))
    }
    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Parts, Error> {
        Ok(Parts::new(name, "(", ")"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Parts, Error> {
        Ok(Parts::new(variant, "(", ")"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Parts, Error> {
        Ok(Parts::new("", "{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Parts, Error> {
        Ok(Parts::new("", "{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Parts, Error> {
        Ok(Parts::new(variant, " {", "}"))
    }
}

macro_rules! collect_parts {
    ($trait:ident, $method:ident $(, $key:ident)?) => {
        impl ser::$trait for Parts {
            type Ok = String;
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, $($key: &'static str,)? value: &T) -> Result<(), Error> {
                self.parts.push(collect_parts!(@part value $(, $key)?));
                Ok(())
            }
            fn end(self) -> Result<String, Error> {
                self.done()
            }
        }
    };
    (@part $value:ident) => { words($value) };
    (@part $value:ident, $key:ident) => { format!("{}: {}", $key, words($value)) };
}

collect_parts!(SerializeSeq, serialize_element);
collect_parts!(SerializeTuple, serialize_element);
collect_parts!(SerializeTupleStruct, serialize_field);
collect_parts!(SerializeTupleVariant, serialize_field);
collect_parts!(SerializeStruct, serialize_field, key);
collect_parts!(SerializeStructVariant, serialize_field, key);

impl ser::SerializeMap for Parts {
    type Ok = String;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.parts.push(words(key));
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let value = words(value);
        match self.parts.last_mut() {
            Some(key) => *key = format!("{key}: {value}"),
            None => self.parts.push(value),
        }
        Ok(())
    }
    fn end(self) -> Result<String, Error> {
        self.done()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Change {
        status: Status,
        date: chrono::NaiveDate,
    }

    #[derive(Serialize)]
    enum Status {
        Received,
    }

    #[derive(Serialize)]
    struct Pair {
        id: u64,
        ended: Option<chrono::NaiveDate>,
        notes: String,
        tags: Vec<String>,
        history: Vec<Change>,
        hours: f32,
    }

    #[test]
    fn differences_name_each_changed_field_even_when_an_option_fills_in() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1);
        let theirs = Pair {
            id: 7,
            ended: day,
            notes: "met twice".into(),
            tags: vec!["a".into()],
            history: vec![Change {
                status: Status::Received,
                date: day.unwrap(),
            }],
            hours: 1.5,
        };
        let yours = Pair {
            id: 7,
            ended: None,
            notes: "met twice".into(),
            tags: vec!["a".into(), "b".into()],
            history: vec![],
            hours: 1.5,
        };
        let d: Vec<String> = differences(&theirs, &yours)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            d,
            [
                "ended: theirs 2026-11-01, yours none",
                "tags: theirs [\"a\"], yours [\"a\", \"b\"]",
                "history: theirs [{status: Received, date: 2026-11-01}], yours []",
            ]
        );
        assert_eq!(fields(&yours)[5], ("hours", "1.5".to_string()));
    }
}
