//! A streaming reader of a 510b's polling-station counts, in one pass over the XML events.
//!
//! A municipality's 510b is large (Groningen 2022: 9.9 MB, 180 polling stations × 415
//! candidates), and the central committee reads one per municipality. Building the whole document
//! tree first (as `eml-nl` does for the other documents) took seven to nine times as long as
//! scanning the file's XML events; this reader turns the events straight into count forms.
//!
//! It is as strict as the tree: well-formed XML, every element of the count in the EML or
//! Kiesraad namespace where it belongs, no element or text the 510b does not have, every required
//! figure present once, reason codes of the Electoral Council's lists, whole non-negative
//! numbers, and the file's election identical to the definition's. An error names the element,
//! and the line and column where it is. The test `stream_matches_the_document_tree` reads every
//! real 510b both ways and compares.

use std::borrow::Cow;
use std::collections::BTreeMap;

use eml_nl::documents::election_count::{
    InvestigationReason, RejectedVotesReason, UncountedVotesReason,
};
use eml_nl::utils::{ElectionCategory, ElectionSubcategory, StringValueData, XsDate};
use model::count::{ListVotes, NlCount};
use model::{Contest, Domain, DomainId, Election, PollingStationNumber};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::count::{RawFigures, candidate_slot, count_in_range, list_index, nl_count, number_of};
use crate::document::{declared_id_in, text};
use crate::error::{DocumentType, EmlError};
use crate::identity::{FileIdentity, check_same_election};
use crate::source::SourceFile;

const EML_NS: &[u8] = b"urn:oasis:names:tc:evs:schema:eml";
const KR_NS: &[u8] = b"http://www.kiesraad.nl/extensions";
const DS_NS: &[u8] = b"http://www.w3.org/2000/09/xmldsig#";

/// The namespaces a 510b's elements are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Eml,
    Kr,
    Ds,
    Other,
}

/// An element just opened.
struct Open<'i> {
    ns: Ns,
    /// Where the local name starts in the tag's name (after `prefix:`).
    local: usize,
    tag: BytesStart<'i>,
    /// Byte offset of its start tag in the text.
    at: usize,
}

impl Open<'_> {
    fn is(&self, ns: Ns, local: &str) -> bool {
        self.ns == ns && self.tag.name().as_ref().get(self.local..) == Some(local.as_bytes())
    }

    fn name(&self) -> String {
        String::from_utf8_lossy(self.tag.name().as_ref()).into_owned()
    }
}

/// A namespace declaration in scope: made on the element at `depth`.
struct Binding {
    depth: usize,
    /// The prefix (empty for the default namespace).
    prefix: Vec<u8>,
    namespace: Ns,
}

/// The events of one file, read element by element.
///
/// Namespaces are resolved here rather than by quick-xml's `NsReader`, which resolves every
/// event and cost as much as reading the file: a 510b declares its namespaces once, on the root,
/// so a start tag's prefix is looked up among a handful of bindings, and only start tags that
/// declare namespaces (have an `xmlns` attribute) add to them.
struct Stream<'f, 'i> {
    file: &'f SourceFile<'i>,
    reader: Reader<&'i [u8]>,
    /// Where the text starts in the file (after a byte-order mark).
    shift: usize,
    /// Elements open.
    depth: usize,
    bindings: Vec<Binding>,
    /// The namespace of elements without a prefix.
    default_namespace: Ns,
}

impl<'f, 'i> Stream<'f, 'i> {
    fn new(file: &'f SourceFile<'i>, text: &'i str) -> Stream<'f, 'i> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        Stream {
            file,
            reader,
            shift: file.bytes.len() - text.len(),
            depth: 0,
            bindings: Vec::new(),
            default_namespace: Ns::Other,
        }
    }

    /// The next event, keeping count of the open elements and the namespaces in scope.
    /// Inlined: called for every event, and returning its result through memory cost more
    /// than the work it does.
    #[inline(always)]
    fn event(&mut self) -> Result<Event<'i>, EmlError> {
        let event = match self.reader.read_event() {
            Ok(event) => event,
            Err(error) => return Err(self.xml_error(&error)),
        };
        match &event {
            Event::Start(tag) => {
                self.depth += 1;
                if tag.attributes_raw().windows(5).any(|w| w == b"xmlns") {
                    self.declare(tag)?;
                }
            }
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                if self.bindings.last().is_some_and(|b| b.depth > self.depth) {
                    while self.bindings.last().is_some_and(|b| b.depth > self.depth) {
                        self.bindings.pop();
                    }
                    self.default_namespace = self.lookup(b"");
                }
            }
            _ => {}
        }
        Ok(event)
    }

    /// The namespace declarations of `tag` (`xmlns="…"`, `xmlns:p="…"`).
    fn declare(&mut self, tag: &BytesStart<'_>) -> Result<(), EmlError> {
        let at = self.position();
        for attribute in tag.attributes() {
            let attribute = attribute
                .map_err(|error| self.error(at, format!("not well-formed XML: {error}")))?;
            let key = attribute.key.as_ref();
            let prefix = if key == b"xmlns" {
                Vec::new()
            } else if let Some(prefix) = key.strip_prefix(b"xmlns:") {
                prefix.to_vec()
            } else {
                continue;
            };
            let namespace = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|error| self.error(at, format!("not well-formed XML: {error}")))?;
            self.bindings.push(Binding {
                depth: self.depth,
                prefix,
                namespace: match namespace.as_bytes() {
                    EML_NS => Ns::Eml,
                    KR_NS => Ns::Kr,
                    DS_NS => Ns::Ds,
                    _ => Ns::Other,
                },
            });
        }
        self.default_namespace = self.lookup(b"");
        Ok(())
    }

    /// The namespace bound to `prefix` now.
    fn lookup(&self, prefix: &[u8]) -> Ns {
        self.bindings
            .iter()
            .rev()
            .find(|binding| binding.prefix == prefix)
            .map_or(Ns::Other, |binding| binding.namespace)
    }

    /// The namespace of an element named `name`, by its prefix. Names are short: a plain
    /// loop finds the colon faster than a vectorised search, and the default namespace (of
    /// almost every element) is kept at hand.
    fn namespace_of(&self, name: &[u8]) -> (Ns, usize) {
        match name.iter().position(|b| *b == b':') {
            None => (self.default_namespace, 0),
            Some(colon) => (self.lookup(&name[..colon]), colon + 1),
        }
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// An error at byte `at` of the text.
    fn error(&self, at: usize, message: impl Into<String>) -> EmlError {
        EmlError::Invalid {
            file: self.file.name.to_string(),
            message: message.into(),
            location: Some(self.file.locate(self.shift.saturating_add(at))),
        }
    }

    fn xml_error(&self, error: &quick_xml::Error) -> EmlError {
        let at = usize::try_from(self.reader.error_position()).unwrap_or(0);
        self.error(at, format!("not well-formed XML: {error}"))
    }

    /// The next child element of `parent`, or `None` at its end tag. Only whitespace, comments
    /// and processing instructions may stand between the children.
    fn child(&mut self, parent: &str) -> Result<Option<Open<'i>>, EmlError> {
        loop {
            let at = self.position();
            // Only start tags need their namespace: the reader checks that each end tag closes
            // the element it opened.
            match self.event()? {
                Event::Start(tag) => {
                    let (ns, local) = self.namespace_of(tag.name().as_ref());
                    return Ok(Some(Open { ns, local, tag, at }));
                }
                Event::End(_) => return Ok(None),
                Event::Text(text) if text.iter().all(u8::is_ascii_whitespace) => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(
                        at,
                        format!("<{parent}> holds elements only, but has text here"),
                    ));
                }
                Event::Eof => {
                    return Err(self.error(at, format!("the file ends inside <{parent}>")));
                }
                Event::Comment(_)
                | Event::PI(_)
                | Event::Decl(_)
                | Event::DocType(_)
                | Event::Empty(_) => {}
            }
        }
    }

    /// A run of 1 to 19 digits followed by an end tag, read as a number; `None` (having read
    /// nothing) for anything else.
    fn plain_number(&mut self) -> Result<Option<u64>, EmlError> {
        let rest = &self.file.bytes[self
            .shift
            .saturating_add(self.position())
            .min(self.file.bytes.len())..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 19 || rest.get(digits..digits + 2) != Some(b"</") {
            return Ok(None);
        }
        let mut value = 0u64;
        for digit in &rest[..digits] {
            value = value * 10 + u64::from(digit - b'0');
        }
        // The digits as a text event, then the end tag (checked by the reader).
        match self.event()? {
            Event::Text(_) => {}
            _ => return Err(self.error(self.position(), "a number was expected")),
        }
        match self.event()? {
            Event::End(_) => Ok(Some(value)),
            _ => Err(self.error(self.position(), "a number was expected")),
        }
    }

    /// After the root element: nothing but whitespace, comments and processing instructions.
    fn end_of_document(&mut self) -> Result<(), EmlError> {
        loop {
            let at = self.position();
            match self.event()? {
                Event::Eof => return Ok(()),
                Event::Text(text) if text.iter().all(u8::is_ascii_whitespace) => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.error(at, "something follows the root element <EML>")),
            }
        }
    }

    /// The text of `open`, up to its end tag; an element inside is refused.
    fn text(&mut self, open: &Open<'_>) -> Result<Cow<'i, str>, EmlError> {
        let mut out: Cow<'i, str> = Cow::Borrowed("");
        loop {
            let at = self.position();
            let piece: Cow<'i, str> = match self.event()? {
                Event::Text(text) => text
                    .xml_content(XmlVersion::Implicit1_0)
                    .map_err(|error| self.error(at, format!("<{}>: {error}", open.name())))?,
                Event::CData(data) => data
                    .decode()
                    .map_err(|error| self.error(at, format!("<{}>: {error}", open.name())))?,
                Event::GeneralRef(reference) => {
                    let character = match reference.resolve_char_ref() {
                        Ok(Some(character)) => Some(character),
                        Ok(None) => match reference.as_ref() {
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"amp" => Some('&'),
                            b"apos" => Some('\''),
                            b"quot" => Some('"'),
                            _ => None,
                        },
                        Err(_) => None,
                    };
                    let Some(character) = character else {
                        return Err(self.error(
                            at,
                            format!("<{}>: an unknown entity reference", open.name()),
                        ));
                    };
                    Cow::Owned(character.to_string())
                }
                Event::End(_) => return Ok(out),
                Event::Start(tag) => {
                    return Err(self.error(
                        at,
                        format!(
                            "<{}> holds text only, but has an element <{}>",
                            open.name(),
                            String::from_utf8_lossy(tag.name().as_ref())
                        ),
                    ));
                }
                Event::Eof => {
                    return Err(self.error(at, format!("the file ends inside <{}>", open.name())));
                }
                Event::Comment(_)
                | Event::PI(_)
                | Event::Decl(_)
                | Event::DocType(_)
                | Event::Empty(_) => continue,
            };
            if out.is_empty() {
                out = piece;
            } else {
                out.to_mut().push_str(&piece);
            }
        }
    }

    /// Skips the rest of `open`, whatever it holds (elements Urna does not read, such as a
    /// list's registered name); it must still be well-formed.
    fn skip(&mut self, open: &Open<'_>) -> Result<(), EmlError> {
        // End tags are checked against their start tags by the reader, so counting depth is
        // enough to find the end of `open`.
        let mut depth = 1usize;
        loop {
            let at = self.position();
            match self.event()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Event::Eof => {
                    return Err(self.error(at, format!("the file ends inside <{}>", open.name())));
                }
                _ => {}
            }
        }
    }

    /// The whole non-negative number that `open` holds.
    fn number(&mut self, open: &Open<'_>) -> Result<u64, EmlError> {
        // Almost always one run of at most 19 digits and the end tag: read straight from the
        // bytes (nothing to unescape or normalise in digits); anything else goes the long way.
        if let Some(value) = self.plain_number()? {
            return Ok(value);
        }
        let text = self.text(open)?;
        let trimmed = text.trim();
        if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.error(
                open.at,
                format!("<{}> must hold a whole number, not {text:?}", open.name()),
            ));
        }
        trimmed.parse().map_err(|_| {
            self.error(
                open.at,
                format!("<{}>: {trimmed} is too large", open.name()),
            )
        })
    }

    /// The value of attribute `name` of `open` when it is the element's only attribute and is
    /// written plainly (no quotes, references or spaces inside, nothing around it): the bytes as
    /// written, which is then what it means. `None` for anything else.
    fn plain_attribute<'t>(open: &'t Open<'i>, name: &str) -> Option<&'t [u8]> {
        open.tag
            .attributes_raw()
            .strip_prefix(b" ")
            .and_then(|rest| rest.strip_prefix(name.as_bytes()))
            .and_then(|rest| rest.strip_prefix(b"=\""))
            .and_then(|rest| rest.strip_suffix(b"\""))
            .filter(|value| {
                value
                    .iter()
                    .all(|b| !matches!(b, b'"' | b'&' | b'<') && !b.is_ascii_whitespace())
            })
    }

    /// A list number or candidate position from attribute `Id` of `open`: a whole number from 1.
    fn id_number(&self, open: &Open<'i>) -> Result<u64, EmlError> {
        let parsed = match Self::plain_attribute(open, "Id") {
            Some(bytes) => parse_id(bytes),
            None => parse_id(self.attribute(open, "Id")?.as_bytes()),
        };
        parsed.ok_or_else(|| {
            let shown = self.attribute(open, "Id").unwrap_or_default();
            self.error(
                open.at,
                format!("{}/@Id {shown:?} is not a number from 1", open.name()),
            )
        })
    }

    /// The value of attribute `name` of `open`, which must be there.
    fn attribute(&self, open: &Open<'i>, name: &str) -> Result<String, EmlError> {
        if let Some(value) =
            Self::plain_attribute(open, name).and_then(|value| std::str::from_utf8(value).ok())
        {
            return Ok(value.to_string());
        }
        let value = open
            .tag
            .try_get_attribute(name)
            .map_err(|error| self.error(open.at, format!("<{}>: {error}", open.name())))?;
        let Some(value) = value else {
            return Err(self.error(
                open.at,
                format!("<{}> has no {name} attribute", open.name()),
            ));
        };
        value
            .normalized_value(XmlVersion::Implicit1_0)
            .map(Cow::into_owned)
            .map_err(|error| self.error(open.at, format!("<{}>: {error}", open.name())))
    }

    /// A `<RejectedVotes>` or `<UncountedVotes>` of `parent`: its `ReasonCode` (one the
    /// Electoral Council lists, `reason` reads it; each once) and its number, into `figures`.
    fn reason_figure<R: Ord>(
        &mut self,
        open: &Open<'i>,
        parent: &str,
        figures: &mut BTreeMap<R, u64>,
        reason: impl Fn(&str) -> Option<R>,
    ) -> Result<(), EmlError> {
        let code = self.attribute(open, "ReasonCode")?;
        let Some(reason) = reason(&code) else {
            return Err(self.error(
                open.at,
                format!("<{}> has an unknown ReasonCode {code:?}", open.name()),
            ));
        };
        let votes = self.number(open)?;
        if figures.insert(reason, votes).is_some() {
            return Err(self.error(
                open.at,
                format!("<{parent}> has <{} ReasonCode={code:?}> twice", open.name()),
            ));
        }
        Ok(())
    }

    fn unexpected(&self, open: &Open<'_>, parent: &str) -> EmlError {
        self.error(
            open.at,
            format!("<{}> does not belong in <{parent}> of a 510b", open.name()),
        )
    }

    fn missing(&self, at: usize, parent: &str, element: &str) -> EmlError {
        self.error(at, format!("<{parent}> has no <{element}>"))
    }

    fn twice(&self, open: &Open<'_>, parent: &str) -> EmlError {
        self.error(
            open.at,
            format!("<{parent}> has <{}> more than once", open.name()),
        )
    }
}

/// Reads the count of every polling station of `election` from a 510b, by polling station
/// number, in one pass. Refused when the file is of another election, names a list or candidate
/// the election does not have, or is not a valid 510b.
pub fn read_polling_station_counts(
    file: SourceFile<'_>,
    election: &Election,
) -> Result<BTreeMap<PollingStationNumber, NlCount>, EmlError> {
    let text = text(&file)?;
    let found = declared_id_in(&file, text)?;
    if found != DocumentType::Count.eml_id() {
        return Err(EmlError::WrongDocumentType {
            file: file.name.to_string(),
            found,
            expected: DocumentType::Count,
        });
    }
    let contest = election
        .contests
        .first()
        .ok_or_else(|| EmlError::invalid(&file, None, "the election has no candidate lists"))?;
    let mut stream = Stream::new(&file, text);
    let root = stream
        .child("EML")?
        .ok_or_else(|| stream.error(0, "the file has no root element"))?;
    let mut reader = CountReader {
        stream,
        election,
        contest,
        counts: BTreeMap::new(),
    };
    reader.root(&root)?;
    Ok(reader.counts)
}

struct CountReader<'f, 'i, 'e> {
    stream: Stream<'f, 'i>,
    election: &'e Election,
    contest: &'e Contest,
    counts: BTreeMap<PollingStationNumber, NlCount>,
}

impl<'i> CountReader<'_, 'i, '_> {
    /// `<EML>`: the document's head, then its `<Count>`.
    fn root(&mut self, root: &Open<'i>) -> Result<(), EmlError> {
        let mut count = false;
        while let Some(open) = self.stream.child("EML")? {
            if open.is(Ns::Eml, "Count") {
                if count {
                    return Err(self.stream.twice(&open, "EML"));
                }
                count = true;
                self.count(&open)?;
            } else if open.is(Ns::Eml, "TransactionId")
                || open.is(Ns::Eml, "ManagingAuthority")
                || open.is(Ns::Eml, "IssueDate")
                || open.is(Ns::Kr, "CreationDateTime")
                || open.ns == Ns::Ds
            {
                self.stream.skip(&open)?;
            } else {
                return Err(self.stream.unexpected(&open, "EML"));
            }
        }
        if !count {
            return Err(self.stream.missing(root.at, "EML", "Count"));
        }
        self.stream.end_of_document()
    }

    fn count(&mut self, count: &Open<'i>) -> Result<(), EmlError> {
        let mut election = false;
        while let Some(open) = self.stream.child("Count")? {
            if open.is(Ns::Eml, "Election") {
                if election {
                    return Err(self.stream.twice(&open, "Count"));
                }
                election = true;
                self.election(&open)?;
            } else if open.is(Ns::Eml, "EventIdentifier") {
                self.stream.skip(&open)?;
            } else {
                return Err(self.stream.unexpected(&open, "Count"));
            }
        }
        if !election {
            return Err(self.stream.missing(count.at, "Count", "Election"));
        }
        Ok(())
    }

    fn election(&mut self, election: &Open<'i>) -> Result<(), EmlError> {
        let mut identified = false;
        let mut contests = false;
        while let Some(open) = self.stream.child("Election")? {
            if open.is(Ns::Eml, "ElectionIdentifier") {
                if identified || contests {
                    return Err(self.stream.error(
                        open.at,
                        "<ElectionIdentifier> must come once, before <Contests>",
                    ));
                }
                identified = true;
                let identity = self.identifier(&open)?;
                check_same_election(self.stream.file, &identity, self.election)?;
            } else if open.is(Ns::Eml, "Contests") {
                if !identified {
                    return Err(self
                        .stream
                        .missing(open.at, "Election", "ElectionIdentifier"));
                }
                if contests {
                    return Err(self.stream.twice(&open, "Election"));
                }
                contests = true;
                let mut any = false;
                while let Some(contest) = self.stream.child("Contests")? {
                    if !contest.is(Ns::Eml, "Contest") {
                        return Err(self.stream.unexpected(&contest, "Contests"));
                    }
                    any = true;
                    self.contest(&contest)?;
                }
                if !any {
                    return Err(self.stream.missing(open.at, "Contests", "Contest"));
                }
            } else {
                return Err(self.stream.unexpected(&open, "Election"));
            }
        }
        if !contests {
            return Err(self.stream.missing(election.at, "Election", "Contests"));
        }
        Ok(())
    }

    /// `<ElectionIdentifier>`: which election the file is of.
    fn identifier(&mut self, identifier: &Open<'i>) -> Result<FileIdentity, EmlError> {
        let id = self.stream.attribute(identifier, "Id")?;
        let mut name = None;
        let mut category = None;
        let mut subcategory = None;
        let mut domain = None;
        let mut date = None;
        let parse = |stream: &Stream<'_, '_>, open: &Open<'_>, text: &str, kind: &str| {
            stream.error(
                open.at,
                format!("<{}>: {text:?} is not {kind}", open.name()),
            )
        };
        while let Some(open) = self.stream.child("ElectionIdentifier")? {
            let twice = |set: bool| set.then(|| self.stream.twice(&open, "ElectionIdentifier"));
            if open.is(Ns::Eml, "ElectionName") {
                if let Some(error) = twice(name.is_some()) {
                    return Err(error);
                }
                name = Some(self.stream.text(&open)?.into_owned());
            } else if open.is(Ns::Eml, "ElectionCategory") {
                if let Some(error) = twice(category.is_some()) {
                    return Err(error);
                }
                let text = self.stream.text(&open)?;
                category = Some(
                    ElectionCategory::parse_from_str(text.trim())
                        .map_err(|_| parse(&self.stream, &open, &text, "an election category"))?,
                );
            } else if open.is(Ns::Kr, "ElectionSubcategory") {
                if let Some(error) = twice(subcategory.is_some()) {
                    return Err(error);
                }
                let text = self.stream.text(&open)?;
                subcategory = Some(
                    ElectionSubcategory::parse_from_str(text.trim()).map_err(|_| {
                        parse(&self.stream, &open, &text, "an election subcategory")
                    })?,
                );
            } else if open.is(Ns::Kr, "ElectionDomain") {
                if let Some(error) = twice(domain.is_some()) {
                    return Err(error);
                }
                let domain_id = match open.tag.try_get_attribute("Id").ok().flatten() {
                    Some(_) => {
                        let raw = self.stream.attribute(&open, "Id")?;
                        Some(DomainId::new(&raw).map_err(|error| {
                            self.stream
                                .error(open.at, format!("ElectionDomain/@Id: {error}"))
                        })?)
                    }
                    None => None,
                };
                let name = self.stream.text(&open)?.into_owned();
                domain = Some(Domain {
                    id: domain_id,
                    name,
                });
            } else if open.is(Ns::Kr, "ElectionDate") {
                if let Some(error) = twice(date.is_some()) {
                    return Err(error);
                }
                let text = self.stream.text(&open)?;
                date = Some(
                    XsDate::parse_from_str(text.trim())
                        .map_err(|_| parse(&self.stream, &open, &text, "a date"))?
                        .date,
                );
            } else if open.is(Ns::Kr, "NominationDate") {
                self.stream.skip(&open)?;
            } else {
                return Err(self.stream.unexpected(&open, "ElectionIdentifier"));
            }
        }
        let (Some(category), Some(election_date)) = (category, date) else {
            let element = if category.is_none() {
                "ElectionCategory"
            } else {
                "kr:ElectionDate"
            };
            return Err(self
                .stream
                .missing(identifier.at, "ElectionIdentifier", element));
        };
        Ok(FileIdentity {
            id,
            name,
            category,
            subcategory,
            domain,
            election_date,
            nomination_date: None,
        })
    }

    fn contest(&mut self, contest: &Open<'i>) -> Result<(), EmlError> {
        let mut identified = false;
        while let Some(open) = self.stream.child("Contest")? {
            if open.is(Ns::Eml, "ContestIdentifier") {
                if identified {
                    return Err(self.stream.twice(&open, "Contest"));
                }
                identified = true;
                self.stream.skip(&open)?;
            } else if open.is(Ns::Eml, "TotalVotes") {
                // The whole area's figures: checked like a polling station's, read elsewhere
                // (`read_count_totals`).
                self.figures(&open, "TotalVotes", &|what| format!("TotalVotes, {what}"))?;
            } else if open.is(Ns::Eml, "ReportingUnitVotes") {
                self.unit(&open)?;
            } else {
                return Err(self.stream.unexpected(&open, "Contest"));
            }
        }
        if !identified {
            return Err(self
                .stream
                .missing(contest.at, "Contest", "ContestIdentifier"));
        }
        Ok(())
    }

    /// `<ReportingUnitVotes>`: one polling station's count.
    fn unit(&mut self, unit: &Open<'i>) -> Result<(), EmlError> {
        let Some(first) = self.stream.child("ReportingUnitVotes")? else {
            return Err(self.stream.missing(
                unit.at,
                "ReportingUnitVotes",
                "ReportingUnitIdentifier",
            ));
        };
        if !first.is(Ns::Eml, "ReportingUnitIdentifier") {
            return Err(self.stream.error(
                first.at,
                "<ReportingUnitVotes> must start with <ReportingUnitIdentifier>",
            ));
        }
        let id = self.stream.attribute(&first, "Id")?;
        let number = number_of(self.stream.file, &id)?;
        self.stream.skip(&first)?;
        let at = |what: &str| format!("polling station {number}, {what}");
        let raw = self.figures(unit, "ReportingUnitVotes", &at)?;
        let count = nl_count(raw);
        if self.counts.insert(number, count).is_some() {
            return Err(self
                .stream
                .error(unit.at, format!("polling station {number} occurs twice")));
        }
        Ok(())
    }

    /// The figures of a `<ReportingUnitVotes>` or `<TotalVotes>`: the votes per list and
    /// candidate (`Selection`), `Cast`, `TotalCounted`, the blank and invalid votes and the
    /// admitted voters and differences (`RejectedVotes`, `UncountedVotes`), and for a polling
    /// station the investigations' flags.
    fn figures(
        &mut self,
        element: &Open<'i>,
        parent: &str,
        at: &dyn Fn(&str) -> String,
    ) -> Result<RawFigures, EmlError> {
        let contest = self.contest;
        let mut lists: Vec<ListVotes> = contest
            .lists
            .iter()
            .map(|list| ListVotes {
                candidates: vec![0; list.candidates.len()],
                total: 0,
            })
            .collect();
        let mut current: Option<usize> = None;
        let mut cast = None;
        let mut total_counted = None;
        let mut rejected: BTreeMap<RejectedVotesReason, u64> = BTreeMap::new();
        let mut uncounted: BTreeMap<UncountedVotesReason, u64> = BTreeMap::new();
        let mut investigations = false;
        while let Some(open) = self.stream.child(parent)? {
            if open.is(Ns::Eml, "Selection") {
                self.selection(&open, &mut lists, &mut current, at)?;
            } else if open.is(Ns::Eml, "Cast") {
                if cast.is_some() {
                    return Err(self.stream.twice(&open, parent));
                }
                cast = Some(self.stream.number(&open)?);
            } else if open.is(Ns::Eml, "TotalCounted") {
                if total_counted.is_some() {
                    return Err(self.stream.twice(&open, parent));
                }
                let votes = self.stream.number(&open)?;
                total_counted = Some(self.to_u32(&open, votes, &|| at("TotalCounted"))?);
            } else if open.is(Ns::Eml, "RejectedVotes") {
                self.stream
                    .reason_figure(&open, parent, &mut rejected, |code| {
                        RejectedVotesReason::from_eml_value(code).ok()
                    })?;
            } else if open.is(Ns::Eml, "UncountedVotes") {
                self.stream
                    .reason_figure(&open, parent, &mut uncounted, |code| {
                        UncountedVotesReason::from_eml_value(code).ok()
                    })?;
            } else if parent == "ReportingUnitVotes"
                && open.is(Ns::Kr, "ReportingUnitInvestigations")
            {
                if investigations {
                    return Err(self.stream.twice(&open, parent));
                }
                investigations = true;
                self.investigations()?;
            } else {
                return Err(self.stream.unexpected(&open, parent));
            }
        }
        let Some(total_counted) = total_counted else {
            return Err(self.stream.missing(element.at, parent, "TotalCounted"));
        };
        if cast.is_none() {
            return Err(self.stream.missing(element.at, parent, "Cast"));
        }
        let mut rejected_votes = |reason: RejectedVotesReason, code: &str| {
            let votes = rejected.remove(&reason).ok_or_else(|| {
                self.stream.error(
                    element.at,
                    format!("<{parent}> has no <RejectedVotes ReasonCode=\"{code}\">"),
                )
            })?;
            self.to_u32(element, votes, &|| at("RejectedVotes"))
        };
        let blank = rejected_votes(RejectedVotesReason::Blank, "blanco")?;
        let invalid = rejected_votes(RejectedVotesReason::Invalid, "ongeldig")?;
        let admitted = |reason: UncountedVotesReason| match uncounted.get(&reason) {
            Some(votes) => self.to_u32(element, *votes, &|| at("UncountedVotes")),
            None => Ok(0),
        };
        Ok(RawFigures {
            lists,
            total_counted,
            blank,
            invalid,
            poll_cards: admitted(UncountedVotesReason::ValidPollCards)?,
            proxy_certificates: admitted(UncountedVotesReason::ValidProxyCertificates)?,
            voter_cards: admitted(UncountedVotesReason::ValidVoterCards)?,
            admitted: admitted(UncountedVotesReason::AdmittedVoters)?,
            more_ballots: admitted(UncountedVotesReason::MoreBallotsCounted)?,
            fewer_ballots: admitted(UncountedVotesReason::FewerBallotsCounted)?,
            unexplained: admitted(UncountedVotesReason::NoExplanation)? > 0,
        })
    }

    fn to_u32(
        &self,
        open: &Open<'_>,
        number: u64,
        what: &dyn Fn() -> String,
    ) -> Result<u32, EmlError> {
        count_in_range(number).ok_or_else(|| {
            self.stream
                .error(open.at, format!("{}: {number} is out of range", what()))
        })
    }

    /// One `<Selection>`: a list's votes (`AffiliationIdentifier`), or a candidate's
    /// (`Candidate`) on the list named last.
    fn selection(
        &mut self,
        selection: &Open<'i>,
        lists: &mut [ListVotes],
        current: &mut Option<usize>,
        at: &dyn Fn(&str) -> String,
    ) -> Result<(), EmlError> {
        enum Chosen {
            List(usize),
            Candidate(u64),
        }
        let mut chosen: Option<Chosen> = None;
        let mut votes: Option<u64> = None;
        let contest = self.contest;
        while let Some(open) = self.stream.child("Selection")? {
            if open.is(Ns::Eml, "ValidVotes") {
                if votes.is_some() {
                    return Err(self.stream.twice(&open, "Selection"));
                }
                votes = Some(self.stream.number(&open)?);
                continue;
            }
            if chosen.is_some() || votes.is_some() {
                return Err(self.stream.error(
                    open.at,
                    "<Selection> holds one list, candidate or option, then its <ValidVotes>",
                ));
            }
            if open.is(Ns::Eml, "AffiliationIdentifier") {
                let list_number = self.stream.id_number(&open)?;
                let index = list_index(contest, list_number).ok_or_else(|| {
                    self.stream.error(
                        open.at,
                        at(&format!("list {list_number} is not on the candidate lists")),
                    )
                })?;
                self.stream.skip(&open)?;
                chosen = Some(Chosen::List(index));
            } else if open.is(Ns::Eml, "Candidate") {
                let mut position = None;
                while let Some(inner) = self.stream.child("Candidate")? {
                    if inner.is(Ns::Eml, "CandidateIdentifier") && position.is_none() {
                        position = Some(self.stream.id_number(&inner)?);
                        self.stream.skip(&inner)?;
                    } else {
                        return Err(self.stream.unexpected(&inner, "Candidate"));
                    }
                }
                let position = position.ok_or_else(|| {
                    self.stream
                        .missing(open.at, "Candidate", "CandidateIdentifier")
                })?;
                chosen = Some(Chosen::Candidate(position));
            } else if open.is(Ns::Eml, "ReferendumOptionIdentifier") {
                return Err(self.stream.error(
                    open.at,
                    at("a referendum option is not part of a council election"),
                ));
            } else {
                return Err(self.stream.unexpected(&open, "Selection"));
            }
        }
        let Some(votes) = votes else {
            return Err(self.stream.missing(selection.at, "Selection", "ValidVotes"));
        };
        match chosen {
            Some(Chosen::List(index)) => {
                lists[index].total = self.to_u32(selection, votes, &|| at("list votes"))?;
                *current = Some(index);
            }
            Some(Chosen::Candidate(position)) => {
                let Some(list) = *current else {
                    return Err(self
                        .stream
                        .error(selection.at, at("candidate votes before any list")));
                };
                let votes = self.to_u32(selection, votes, &|| at("candidate votes"))?;
                let slot = candidate_slot(&mut lists[list], position).ok_or_else(|| {
                    self.stream.error(
                        selection.at,
                        at(&format!(
                            "list {} has no candidate {position}",
                            contest.lists[list].number
                        )),
                    )
                })?;
                *slot = votes;
            }
            None => {
                return Err(self.stream.error(
                    selection.at,
                    "<Selection> names no list, candidate or option",
                ));
            }
        }
        Ok(())
    }

    /// `<kr:ReportingUnitInvestigations>`: each `<kr:Investigation ReasonCode>` true or false.
    fn investigations(&mut self) -> Result<(), EmlError> {
        let mut seen = Vec::new();
        while let Some(investigation) = self.stream.child("kr:ReportingUnitInvestigations")? {
            if !investigation.is(Ns::Kr, "Investigation") {
                return Err(self
                    .stream
                    .unexpected(&investigation, "kr:ReportingUnitInvestigations"));
            }
            let code = self.stream.attribute(&investigation, "ReasonCode")?;
            let reason = InvestigationReason::from_eml_value(&code).map_err(|_| {
                self.stream.error(
                    investigation.at,
                    format!("<kr:Investigation> has an unknown ReasonCode {code:?}"),
                )
            })?;
            if seen.contains(&reason) {
                return Err(self.stream.error(
                    investigation.at,
                    format!("<kr:Investigation ReasonCode={code:?}> occurs twice"),
                ));
            }
            seen.push(reason);
            let text = self.stream.text(&investigation)?;
            if !matches!(text.trim(), "true" | "false" | "1" | "0") {
                return Err(self.stream.error(
                    investigation.at,
                    format!("<kr:Investigation> must hold true or false, not {text:?}"),
                ));
            }
        }
        Ok(())
    }
}

/// A list number or candidate position as an EML `Id` gives it: a whole number from 1.
fn parse_id(id: &[u8]) -> Option<u64> {
    let trimmed = id.trim_ascii();
    if trimmed.is_empty() || trimmed.len() > 19 || !trimmed.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = trimmed
        .iter()
        .fold(0u64, |number, digit| number * 10 + u64::from(digit - b'0'));
    (number > 0).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SourceFile, import_election};

    fn election(definition: &str, candidates: &str) -> Election {
        let definition = testkit::fixture(&format!("eml/composed/{definition}"));
        let candidates = testkit::fixture(&format!("eml/real/{candidates}"));
        import_election(
            SourceFile::new("110a", &definition),
            SourceFile::new("230b", &candidates),
            None,
        )
        .expect("the definition and candidate lists import")
    }

    fn assen() -> (Election, Vec<u8>) {
        (
            election(
                "Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
                "Kandidatenlijsten_GR2026_Assen.eml.xml",
            ),
            testkit::fixture("eml/real/Telling_GR2026_Assen.eml.xml"),
        )
    }

    /// Every real 510b gives the same count forms read by the stream as read through
    /// `eml-nl`'s document tree.
    #[test]
    fn stream_matches_the_document_tree() {
        for (definition, candidates, count, stations) in [
            (
                "Verkiezingsdefinitie_GR2022_Groningen.composed.eml.xml",
                "Kandidatenlijsten_GR2022_Groningen.eml.xml",
                "Telling_GR2022_Groningen.eml.xml",
                180,
            ),
            (
                "Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
                "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
                "Telling_GR2022_WestMaasenWaal.eml.xml",
                0,
            ),
            (
                "Verkiezingsdefinitie_GR2026_Assen.composed.eml.xml",
                "Kandidatenlijsten_GR2026_Assen.eml.xml",
                "Telling_GR2026_Assen.eml.xml",
                44,
            ),
        ] {
            let election = election(definition, candidates);
            let bytes = testkit::fixture(&format!("eml/real/{count}"));
            let file = SourceFile::new(count, &bytes);
            let streamed =
                read_polling_station_counts(file, &election).expect("the stream reads it");
            let tree = crate::count::read_polling_station_counts_tree(file, &election)
                .expect("the tree reads it");
            assert_eq!(streamed, tree, "{count}");
            if stations > 0 {
                assert_eq!(streamed.len(), stations, "{count}");
            }
        }
    }

    /// Each change to Assen's real 510b is refused by the stream with the element named and a
    /// place in the file; where `eml-nl`'s document tree refuses it too, that is said.
    #[test]
    fn tampered_counts_are_refused_by_name() {
        let (election, bytes) = assen();
        let text = String::from_utf8(bytes).expect("UTF-8");
        let unit = "<ReportingUnitVotes><ReportingUnitIdentifier Id=\"0106::SB2\">";
        // The first of each replaced text is in the municipality's `TotalVotes`, which the tree
        // reader does not read for the polling stations' counts but the stream checks as well.
        let cases: &[(&str, &str, &str, bool)] = &[
            // (what is replaced, by what, part of the message, the tree refuses it too)
            (
                "<ValidVotes>1945</ValidVotes>",
                "<ValidVotes>19a5</ValidVotes>",
                "whole number",
                true,
            ),
            (
                "<TotalCounted>",
                "<Extra>1</Extra><TotalCounted>",
                "<Extra> does not belong in <TotalVotes>",
                false,
            ),
            (
                unit,
                &format!(
                    "{unit}</ReportingUnitIdentifier><Selection>x</Selection><ReportingUnitIdentifier Id=\"0106::SB2\">"
                ),
                "<Selection> holds elements only",
                true,
            ),
            (
                "ReasonCode=\"blanco\"",
                "ReasonCode=\"bijna blanco\"",
                "unknown ReasonCode",
                true,
            ),
            (
                "<CandidateIdentifier Id=\"2\">",
                "<CandidateIdentifier Id=\"999\">",
                "has no candidate 999",
                false,
            ),
            (
                "<AffiliationIdentifier Id=\"1\">",
                "<AffiliationIdentifier Id=\"99\">",
                "list 99 is not on the candidate lists",
                false,
            ),
            ("Id=\"GR2026_Assen\"", "Id=\"GR2026_Emmen\"", "", true),
            ("<Cast>", "<Cast>1</Cast><Cast>", "more than once", false),
            (
                "0106::SB2\"",
                "0106::SB1\"",
                "polling station 1 occurs twice",
                true,
            ),
            (
                "<ValidVotes>1945</ValidVotes>",
                "<ValidVotes>1945</ValidVote>",
                "not well-formed XML",
                true,
            ),
            (
                "<ValidVotes>1945</ValidVotes>",
                "<ValidVotes>99999999999</ValidVotes>",
                "out of range",
                false,
            ),
        ];
        for (from, to, message, tree_refuses) in cases {
            assert!(text.contains(from), "the fixture has {from}");
            let tampered = text.replacen(from, to, 1);
            let file = SourceFile::new("Telling_GR2026_Assen.eml.xml", tampered.as_bytes());
            let error = read_polling_station_counts(file, &election)
                .expect_err(&format!("{from} → {to} is refused"));
            let shown = error.to_string();
            assert!(shown.contains(message), "{from} → {to}: {shown}");
            if !matches!(error, EmlError::OtherElection { .. }) {
                assert!(
                    error.location().is_some(),
                    "{from} → {to}: no place in {shown}"
                );
            }
            assert_eq!(
                crate::count::read_polling_station_counts_tree(file, &election).is_err(),
                *tree_refuses,
                "{from} → {to}: the document tree"
            );
        }
        // Cut off anywhere, the file is refused, never half read.
        for cut in [100, text.len() / 2, text.len() - 10] {
            let file = SourceFile::new("cut.xml", &text.as_bytes()[..cut]);
            assert!(
                read_polling_station_counts(file, &election).is_err(),
                "cut at {cut}"
            );
        }
    }
}
