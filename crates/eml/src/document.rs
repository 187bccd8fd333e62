//! The first look at a file: is it UTF-8 text, is it EML_NL, and which document does it declare?
//!
//! Done before the full parse so that a candidate-list file offered as an election definition is
//! refused as "the wrong document" rather than with a confusing complaint about a missing element.

use eml_nl::io::{EMLParsingMode, EMLRead};
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};

use crate::error::{DocumentType, EmlError};
use crate::source::SourceFile;

const EML_NAMESPACE: &[u8] = b"urn:oasis:names:tc:evs:schema:eml";
const UTF8_BOM: &str = "\u{feff}";

/// The file's bytes as text, or why they are not.
pub(crate) fn text<'a>(file: &SourceFile<'a>) -> Result<&'a str, EmlError> {
    if file.bytes.is_empty() {
        return Err(EmlError::Empty {
            file: file.name.to_string(),
        });
    }
    match std::str::from_utf8(file.bytes) {
        Ok(text) => Ok(text.strip_prefix(UTF8_BOM).unwrap_or(text)),
        Err(error) => Err(EmlError::NotUtf8 {
            file: file.name.to_string(),
            location: file.locate(error.valid_up_to()),
        }),
    }
}

/// The document id (`110a`, `230b`, …) the file declares on its root element.
pub fn declared_document_id(file: &SourceFile<'_>) -> Result<String, EmlError> {
    declared_id_in(file, text(file)?)
}

/// [`declared_document_id`] of a file whose `text` is already known to be UTF-8 (checking a
/// large file's bytes once is enough).
pub(crate) fn declared_id_in(file: &SourceFile<'_>, text: &str) -> Result<String, EmlError> {
    let offset = file.bytes.len() - text.len();
    let mut reader = NsReader::from_str(text);
    loop {
        let position = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match reader.read_resolved_event() {
            Ok((namespace, Event::Start(tag) | Event::Empty(tag))) => {
                let local = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
                let in_eml_namespace =
                    matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == EML_NAMESPACE);
                if local != "EML" || !in_eml_namespace {
                    return Err(EmlError::NotEml {
                        file: file.name.to_string(),
                        reason: format!(
                            "the root element is <{}>, not <EML> in namespace {}",
                            String::from_utf8_lossy(tag.name().as_ref()),
                            String::from_utf8_lossy(EML_NAMESPACE)
                        ),
                        location: Some(file.locate(offset + position)),
                    });
                }
                let id = tag
                    .try_get_attribute("Id")
                    .ok()
                    .flatten()
                    .and_then(|attribute| attribute.normalized_value(XmlVersion::Implicit1_0).ok())
                    .map(|value| value.into_owned());
                return id.ok_or_else(|| EmlError::NotEml {
                    file: file.name.to_string(),
                    reason: "the root element <EML> has no Id attribute naming the document type"
                        .to_string(),
                    location: Some(file.locate(offset + position)),
                });
            }
            Ok((_, Event::Eof)) => {
                return Err(EmlError::NotEml {
                    file: file.name.to_string(),
                    reason: "the file has no root element".to_string(),
                    location: None,
                });
            }
            Ok(_) => {}
            Err(error) => {
                let error_at = usize::try_from(reader.error_position()).unwrap_or(position);
                return Err(EmlError::Invalid {
                    file: file.name.to_string(),
                    message: format!("not well-formed XML: {error}"),
                    location: Some(file.locate(offset + error_at)),
                });
            }
        }
    }
}

/// Parses `file` as the `expected` document type with `eml-nl` in strict mode.
pub(crate) fn parse<T: EMLRead>(
    file: &SourceFile<'_>,
    expected: DocumentType,
) -> Result<T, EmlError> {
    let found = declared_document_id(file)?;
    if found != expected.eml_id() {
        return Err(EmlError::WrongDocumentType {
            file: file.name.to_string(),
            found,
            expected,
        });
    }
    let text = text(file)?;
    // Spans are offsets into the text, which starts after a byte-order mark if there is one.
    let shift = file.bytes.len() - text.len();
    T::parse_eml(text, EMLParsingMode::Strict)
        .ok()
        .map_err(|error| EmlError::from_parser(file, error, shift))
}
