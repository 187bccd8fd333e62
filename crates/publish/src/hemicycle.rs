//! The council as a hemicycle (SVG): one dot per seat in concentric arcs, lists from left to
//! right in ballot order. Text alternatives are built in (a title and a description naming
//! every list's seats), so the picture adds nothing a screen reader would miss; the table beside
//! it carries the same figures.

use std::fmt::Write as _;

/// A list's seats and colour in the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party<'a> {
    /// Name, for the description.
    pub name: &'a str,
    /// Seats.
    pub seats: u32,
    /// Fill colour (`#rrggbb`).
    pub colour: &'static str,
}

/// Colours for the lists, by list number; each differs from white by at least 3:1 (WCAG 1.4.11).
const PALETTE: [&str; 12] = [
    "#1f5fa8", "#c0392b", "#1e7b4a", "#8e44ad", "#b85c00", "#00707a", "#a4326e", "#5a6b00",
    "#44546a", "#9c4a1a", "#2d4fa0", "#6b3e99",
];

/// The colour of list `number`.
pub fn colour(number: u32) -> &'static str {
    PALETTE[(number.saturating_sub(1) as usize) % PALETTE.len()]
}

/// Seat positions: `(x, y)` in a 200 × 110 box, ordered left to right by angle.
fn positions(seats: u32) -> Vec<(f64, f64)> {
    if seats == 0 {
        return Vec::new();
    }
    // Rows grow with the council; each row's share of seats follows its length (its radius).
    let rows = ((f64::from(seats) / 8.0).sqrt().ceil() as u32).clamp(1, 12);
    let inner = 40.0_f64;
    let outer = 95.0_f64;
    let radii: Vec<f64> = (0..rows)
        .map(|r| {
            if rows == 1 {
                outer
            } else {
                inner + (outer - inner) * f64::from(r) / f64::from(rows - 1)
            }
        })
        .collect();
    let total: f64 = radii.iter().sum();
    let mut per_row: Vec<u32> = radii
        .iter()
        .map(|r| (f64::from(seats) * r / total).floor() as u32)
        .collect();
    // The remainder to the outer rows first.
    let mut left = seats - per_row.iter().sum::<u32>();
    for row in (0..per_row.len()).rev().cycle() {
        if left == 0 {
            break;
        }
        per_row[row] += 1;
        left -= 1;
    }
    let mut points: Vec<(f64, f64, f64)> = Vec::new();
    for (radius, count) in radii.iter().zip(&per_row) {
        for i in 0..*count {
            let angle = if *count == 1 {
                std::f64::consts::FRAC_PI_2
            } else {
                std::f64::consts::PI * f64::from(i) / f64::from(count - 1)
            };
            // From the left (angle π) to the right (angle 0).
            let angle = std::f64::consts::PI - angle;
            points.push((
                angle,
                100.0 + radius * angle.cos(),
                102.0 - radius * angle.sin(),
            ));
        }
    }
    points.sort_by(|a, b| b.0.total_cmp(&a.0));
    points.into_iter().map(|(_, x, y)| (x, y)).collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart. `title` names it (e.g. "Zetelverdeling gemeenteraad Assen"); `id` makes its
/// title and description ids unique on a page.
pub fn svg(id: &str, title: &str, parties: &[Party<'_>]) -> String {
    let seats: u32 = parties.iter().map(|p| p.seats).sum();
    let points = positions(seats);
    let radius = if seats > 60 {
        2.6
    } else if seats > 30 {
        3.4
    } else {
        4.5
    };
    let description: Vec<String> = parties
        .iter()
        .filter(|p| p.seats > 0)
        .map(|p| format!("{}: {}", p.name, p.seats))
        .collect();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110" role="img" aria-labelledby="{id}-title {id}-desc" class="hemicycle"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&description.join("; "))
    );
    let mut seat = points.iter();
    for party in parties {
        for _ in 0..party.seats {
            if let Some((x, y)) = seat.next() {
                let _ = write!(
                    out,
                    r#"<circle cx="{x:.2}" cy="{y:.2}" r="{radius}" fill="{}"/>"#,
                    party.colour
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_is_a_dot_in_the_colour_of_its_list() {
        for seats in [1, 9, 15, 19, 37, 45, 150] {
            assert_eq!(positions(seats).len(), seats as usize, "{seats}");
        }
        let chart = svg(
            "x",
            "Zetels <test>",
            &[
                Party {
                    name: "A & B",
                    seats: 3,
                    colour: colour(1),
                },
                Party {
                    name: "C",
                    seats: 0,
                    colour: colour(2),
                },
                Party {
                    name: "D",
                    seats: 2,
                    colour: colour(3),
                },
            ],
        );
        assert_eq!(chart.matches("<circle").count(), 5);
        assert_eq!(chart.matches(colour(1)).count(), 3);
        assert_eq!(chart.matches(colour(3)).count(), 2);
        assert!(chart.contains("<desc id=\"x-desc\">A &amp; B: 3; D: 2</desc>"));
        assert!(chart.contains("Zetels &lt;test&gt;"));
    }

    #[test]
    fn seats_run_from_left_to_right() {
        let points = positions(45);
        assert!(points.first().unwrap().0 <= 60.01);
        assert!(points.last().unwrap().0 >= 139.99);
        assert!(points.windows(2).all(|w| w[0].0 <= w[1].0 + 60.0));
    }
}
