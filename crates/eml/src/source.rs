//! A file being imported, and where in it something went wrong.
//!
//! Parsers report byte offsets; an official needs a line, a column and the element. This module
//! turns an offset into all three by re-reading the document up to that point.

use std::fmt;

use quick_xml::Reader;
use quick_xml::events::Event;

/// A file as read from disk: its name (for messages) and its exact bytes.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// File name as the official gave it.
    pub name: &'a str,
    /// The exact bytes.
    pub bytes: &'a [u8],
}

impl<'a> SourceFile<'a> {
    /// Wraps a name and bytes.
    pub fn new(name: &'a str, bytes: &'a [u8]) -> SourceFile<'a> {
        SourceFile { name, bytes }
    }

    /// The location of byte `offset`: line, column and the path of open elements there.
    pub fn locate(&self, offset: usize) -> Location {
        let offset = offset.min(self.bytes.len());
        let before = &self.bytes[..offset];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Location {
            line,
            column,
            path: element_path_at(self.bytes, offset),
        }
    }
}

impl SourceFile<'_> {
    /// The location of the first element named `local_name` (without prefix), if the file has
    /// one; used to point at the element an Urna rule refuses.
    pub fn locate_element(&self, local_name: &str) -> Option<Location> {
        let mut reader = Reader::from_reader(self.bytes);
        loop {
            let start = usize::try_from(reader.buffer_position()).ok()?;
            match reader.read_event() {
                Ok(Event::Start(tag) | Event::Empty(tag))
                    if tag.local_name().as_ref() == local_name.as_bytes() =>
                {
                    return Some(self.locate(start));
                }
                Ok(Event::Eof) | Err(_) => return None,
                Ok(_) => {}
            }
        }
    }
}

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Names of the elements open at that point, outermost first, as written in the file
    /// (with their prefix, e.g. `kr:ElectionDomain`).
    pub path: Vec<String>,
}

impl Location {
    /// The innermost open element, if any.
    pub fn element(&self) -> Option<&str> {
        self.path.last().map(String::as_str)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, ", in <{}>", self.path.join("/"))?;
        }
        Ok(())
    }
}

/// The elements open at byte `offset`: every start tag that begins at or before `offset` and is
/// not closed before it. Reading stops at the first XML error, which is where a malformed or
/// truncated document stops making sense anyway.
fn element_path_at(bytes: &[u8], offset: usize) -> Vec<String> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut path: Vec<String> = Vec::new();
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        if start > offset {
            break;
        }
        match reader.read_event() {
            Ok(Event::Start(tag)) => {
                path.push(String::from_utf8_lossy(tag.name().as_ref()).into_owned());
            }
            Ok(Event::End(_)) => {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                // An element whose end tag contains the offset is still the element in question.
                if end <= offset {
                    path.pop();
                } else {
                    break;
                }
            }
            Ok(Event::Empty(tag)) => {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                if end > offset {
                    path.push(String::from_utf8_lossy(tag.name().as_ref()).into_owned());
                    break;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<EML Id=\"230b\">\n  <A>\n    <B>text</B>\n    <C/>\n  </A>\n</EML>\n";

    #[test]
    fn line_column_and_path() {
        let file = SourceFile::new("x.xml", DOC.as_bytes());
        let text_offset = DOC.find("text").unwrap();
        let location = file.locate(text_offset);
        assert_eq!(location.line, 3);
        assert_eq!(location.column, 8);
        assert_eq!(location.path, ["EML", "A", "B"]);
        assert_eq!(location.to_string(), "line 3, column 8, in <EML/A/B>");

        let empty = file.locate(DOC.find("<C/>").unwrap());
        assert_eq!(empty.path, ["EML", "A", "C"]);

        let after_a = file.locate(DOC.find("</EML>").unwrap());
        assert_eq!(after_a.path, ["EML"]);
    }

    #[test]
    fn truncated_document_reports_open_elements() {
        let cut = &DOC[..DOC.find("text").unwrap() + 2];
        let file = SourceFile::new("x.xml", cut.as_bytes());
        assert_eq!(file.locate(cut.len()).path, ["EML", "A", "B"]);
    }

    #[test]
    fn locates_an_element_by_local_name() {
        let doc = "<x:EML>\n <x:B/>\n <x:C>1</x:C></x:EML>";
        let file = SourceFile::new("x.xml", doc.as_bytes());
        let location = file.locate_element("C").unwrap();
        assert_eq!((location.line, location.column), (3, 2));
        assert_eq!(location.path, ["x:EML", "x:C"]);
        assert!(file.locate_element("D").is_none());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let doc = "<a>ëë<b/></a>";
        let file = SourceFile::new("x.xml", doc.as_bytes());
        assert_eq!(file.locate(doc.find("<b/>").unwrap()).column, 6);
    }
}
