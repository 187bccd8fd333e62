//! Typst as a closed box: one template and one JSON file in, PDF bytes out.
//!
//! The world a template sees holds only what Urna gives it: the embedded templates, the data of
//! this document as `/data.json`, and the fonts embedded in the binary (`typst-assets`). No file
//! system, no network, no clock: the same data gives the same PDF, byte for byte, on every
//! machine — which is what lets a stored report be checked against a fresh one.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use messages::Language;

use crate::{OFFICIAL, ReportError};

/// The templates, embedded at build time. `common.typ` is imported by the others.
const TEMPLATES: &[(&str, &str)] = &[
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/na-31-2.typ", include_str!("../templates/na-31-2.typ")),
    (
        "/na-31-2-bijlage-1.typ",
        include_str!("../templates/na-31-2-bijlage-1.typ"),
    ),
    ("/n-10-2.typ", include_str!("../templates/n-10-2.typ")),
    ("/notices.typ", include_str!("../templates/notices.typ")),
    ("/na-14-2.typ", include_str!("../templates/na-14-2.typ")),
    (
        "/na-14-2-bijlage-1.typ",
        include_str!("../templates/na-14-2-bijlage-1.typ"),
    ),
    (
        "/credentials.typ",
        include_str!("../templates/credentials.typ"),
    ),
    ("/p-22-2.typ", include_str!("../templates/p-22-2.typ")),
    (
        "/server-sheet.typ",
        include_str!("../templates/server-sheet.typ"),
    ),
    (
        "/flanders-main-office.typ",
        include_str!("../templates/flanders-main-office.typ"),
    ),
    ("/ballot.typ", include_str!("../templates/ballot.typ")),
    (
        "/station-report.typ",
        include_str!("../templates/station-report.typ"),
    ),
];

/// The data file every template reads.
const DATA_PATH: &str = "/data.json";
/// The words of the documents, which every template reads too.
const TEXTS_PATH: &str = "/texts.json";

/// The words of the documents: every message of the catalogs' `report` area in the official
/// language (`main`) and in English (`second`), with `{$name}` where a variable goes (the
/// templates fill those in). Made once per process.
static TEXTS: LazyLock<Bytes> = LazyLock::new(|| {
    let texts = |lang: Language| -> serde_json::Map<String, serde_json::Value> {
        lang.message_ids()
            .into_iter()
            .filter(|(area, _)| *area == "report")
            .map(|(_, id)| {
                let text = lang.text(&id);
                (id, serde_json::Value::String(text))
            })
            .collect()
    };
    let all = serde_json::json!({
        "language": OFFICIAL.code(),
        "main": texts(OFFICIAL),
        "second": texts(Language::En),
    });
    Bytes::new(serde_json::to_vec(&all).unwrap_or_default())
});

/// Fonts and the standard library are built once per process: parsing the fonts costs more than
/// typesetting a short document.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// One document being typeset.
struct ReportWorld {
    main: FileId,
    data: Bytes,
    /// Pictures the document shows (a ballot's QR code), by path.
    pictures: Vec<(&'static str, Bytes)>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let path = id.vpath().as_rooted_path();
        TEMPLATES
            .iter()
            .find(|(name, _)| std::path::Path::new(name) == path)
            .map(|(_, text)| Source::new(id, (*text).to_string()))
            .ok_or_else(|| FileError::NotFound(path.to_path_buf()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = id.vpath().as_rooted_path();
        if path == std::path::Path::new(DATA_PATH) {
            return Ok(self.data.clone());
        }
        if path == std::path::Path::new(TEXTS_PATH) {
            return Ok(TEXTS.clone());
        }
        if let Some((_, bytes)) = self
            .pictures
            .iter()
            .find(|(name, _)| std::path::Path::new(name) == path)
        {
            return Ok(bytes.clone());
        }
        Err(FileError::NotFound(path.to_path_buf()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        // Documents carry the dates Urna gives them, never the clock of the machine.
        None
    }
}

/// Whether a PDF carries its logical structure (tags: headings, paragraphs, table cells) for
/// assistive technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Structure {
    /// Tagged: every document, unless it is one of the two below.
    Tagged,
    /// Untagged: the polling-station annexes (Bijlage 1 of Na 31 and Na 14), which are one
    /// table cell per candidate per polling station. Tagged, each cell is an object of its own:
    /// 49,000 for Assen's 44 polling stations, 8 of its 11.4 MB (Groningen's: 81 MB), against
    /// 0.9 MB untagged. The same figures are published as data — the 510b and the OSV4-3 table,
    /// made from the same counts — for whoever cannot read the pages; the annex's text stays
    /// extractable and in reading order.
    Untagged,
}

/// Typesets `template` (one of the embedded names, e.g. `/na-31-2.typ`) over `data` and returns
/// the PDF. `ident` names the document stably (the PDF's identifier derives from it).
pub(crate) fn pdf(
    template: &str,
    data: &serde_json::Value,
    ident: &str,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, ReportError> {
    pdf_with(template, data, ident, created, Structure::Tagged)
}

/// [`pdf`], with or without tags.
pub(crate) fn pdf_with(
    template: &str,
    data: &serde_json::Value,
    ident: &str,
    created: chrono::DateTime<chrono::Utc>,
    structure: Structure,
) -> Result<Vec<u8>, ReportError> {
    let document = compile(template, data, Vec::new())?;
    let pdf = pdf_of(template, &document, ident, Some(created), structure);
    forget_old_layouts();
    pdf
}

/// Drops Typst's memoised results that the last two documents did not use. Without it the
/// cache keeps every layout ever made and a server's memory grows with each document; with it
/// each document is typeset afresh (the same data never comes twice), while documents typeset
/// side by side keep what they are using.
fn forget_old_layouts() {
    typst::comemo::evict(2);
}

/// Typesets a one-page document with pictures and returns its PDF and the page as a PNG at
/// `dpi` (what a printer would put on paper, for a scanner to read back).
pub(crate) fn pdf_and_png(
    template: &str,
    data: &serde_json::Value,
    ident: &str,
    pictures: Vec<(&'static str, Vec<u8>)>,
    dpi: f32,
) -> Result<(Vec<u8>, Vec<u8>), ReportError> {
    let pictures = pictures
        .into_iter()
        .map(|(path, bytes)| (path, Bytes::new(bytes)))
        .collect();
    let document = compile(template, data, pictures)?;
    // No date and no archival form: a ballot must not tell when it was printed.
    let pdf = pdf_of(template, &document, ident, None, Structure::Tagged)?;
    forget_old_layouts();
    let page = document
        .pages
        .first()
        .ok_or_else(|| ReportError::Typeset(format!("{template}: no page")))?;
    let png = typst_render::render(page, dpi / 72.0)
        .encode_png()
        .map_err(|e| ReportError::Typeset(format!("{template}: {e}")))?;
    Ok((pdf, png))
}

fn compile(
    template: &str,
    data: &serde_json::Value,
    pictures: Vec<(&'static str, Bytes)>,
) -> Result<PagedDocument, ReportError> {
    let data = serde_json::to_vec(data).map_err(|e| ReportError::Data(e.to_string()))?;
    let world = ReportWorld {
        main: FileId::new(None, VirtualPath::new(template)),
        data: Bytes::new(data),
        pictures,
    };
    let warned = typst::compile::<PagedDocument>(&world);
    warned
        .output
        .map_err(|errors| ReportError::Typeset(describe(template, &errors)))
}

/// The PDF of a typeset document. With a creation date it is PDF/A-2b, the archival form
/// official documents are kept in (fonts embedded, colours device-independent, metadata as XMP,
/// the date the document gives, never the machine's clock).
fn pdf_of(
    template: &str,
    document: &PagedDocument,
    ident: &str,
    created: Option<chrono::DateTime<chrono::Utc>>,
    structure: Structure,
) -> Result<Vec<u8>, ReportError> {
    use chrono::{Datelike, Timelike};
    let mut options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(ident),
        tagged: structure == Structure::Tagged,
        ..typst_pdf::PdfOptions::default()
    };
    if let Some(created) = created {
        let datetime = Datetime::from_ymd_hms(
            created.year(),
            created.month() as u8,
            created.day() as u8,
            created.hour() as u8,
            created.minute() as u8,
            created.second() as u8,
        )
        .ok_or_else(|| ReportError::Data(format!("{template}: date {created}")))?;
        options.timestamp = Some(typst_pdf::Timestamp::new_utc(datetime));
        options.standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b])
            .map_err(|e| ReportError::Typeset(format!("{template}: {e}")))?;
    }
    typst_pdf::pdf(document, &options)
        .map_err(|errors| ReportError::Typeset(describe(template, &errors)))
}

/// The template errors as one line each (they are Urna's own defects, never the user's).
fn describe(template: &str, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let place = e
                .span
                .id()
                .and_then(|id| {
                    let source = ReportWorld {
                        main: id,
                        data: Bytes::new(Vec::new()),
                        pictures: Vec::new(),
                    }
                    .source(id)
                    .ok()?;
                    let range = source.range(e.span)?;
                    let line = source.lines().byte_to_line(range.start)? + 1;
                    Some(format!("{}:{line}", id.vpath().as_rooted_path().display()))
                })
                .unwrap_or_else(|| template.to_string());
            format!("{place}: {}", e.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_embedded_once() {
        let mut names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TEMPLATES.len());
    }

    #[test]
    fn a_missing_file_is_refused_not_read_from_disk() {
        let world = ReportWorld {
            main: FileId::new(None, VirtualPath::new("/na-31-2.typ")),
            data: Bytes::new(b"{}".to_vec()),
            pictures: vec![("/qr.png", Bytes::new(vec![1]))],
        };
        let id = FileId::new(None, VirtualPath::new("/etc/passwd"));
        assert!(
            world
                .file(FileId::new(None, VirtualPath::new("/qr.png")))
                .is_ok()
        );
        assert!(world.file(id).is_err());
        assert!(world.source(id).is_err());
        assert!(world.today(None).is_none());
    }
}
